from helpers import ROOT

from policydocs.search.searcheval import Query, load, score, summary


def test_query_set_has_enough_queries_in_both_languages() -> None:
    queries = load(ROOT / "tests" / "search_queries.yml")
    assert sum(q.language == "ja" for q in queries) >= 30
    assert sum(q.language == "en" for q in queries) >= 15


def test_scores() -> None:
    q = Query("en", "x", ["a/b", "c"], ["p-1"])
    s = score(q, ["/en/a/b/#p-1", "/en/z/", "/en/c/#s-2"])
    assert (s.recall, s.precision, s.passage_hit) == (1.0, 0.5, True)
    one = score(Query("ja", "y", ["c"], []), ["/c/#p-9", "/a/"])
    assert (one.recall, one.precision, one.passage_hit) == (1.0, 1.0, None)
    assert summary([s], "en") == {"queries": 1, "recall": 1.0, "precision": 0.5, "passages": 1.0}
