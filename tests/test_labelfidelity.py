"""Structural fidelity: each numbering of the received text is kept as units of its own."""
from __future__ import annotations

from helpers import lines_of

from policydocs.sources import labelfidelity

SOURCE = "題名\n\n6.次世代網を整備する。\n7.5Gネットワークを展開する。\n8.会合を開く。\n\n(1)概要\n本文。\n\n(2)成果\n本文。"


def test_every_label_of_a_numbering_is_found_at_the_start_of_a_unit() -> None:
    page = ("---\ntitle: 題名\n---\n\n6\\. 次世代網を整備する。\n{: #p-6 .unit }\n\n"
            "7\\. 5Gネットワークを展開する。\n{: #p-7 .unit }\n\n8\\. 会合を開く。\n{: #p-8 .unit }\n\n"
            "## (1)概要 { #s-1 }\n\n本文。\n\n## (2)成果 { #s-2 }\n\n本文。\n")
    report = labelfidelity.check(lines_of(SOURCE), [page])
    assert [s.label for s in report.labels] == ["6.", "7.", "8.", "(1)", "(2)"]
    assert report.missing == [] and report.share == 100.0


def test_an_item_merged_into_the_one_before_is_listed_by_its_source_line() -> None:
    page = ("6\\. 次世代網を整備する。7.5Gネットワークを展開する。\n{: #p-6 .unit }\n\n"
            "8\\. 会合を開く。\n{: #p-8 .unit }\n\n## (1)概要 { #s-1 }\n\n本文。(2)成果 本文。\n")
    report = labelfidelity.check(lines_of(SOURCE), [page])
    assert [(s.line, s.label) for s in report.missing] == [(4, "7."), (10, "(2)")]
    assert report.share == 60.0


def test_a_lone_number_is_not_a_numbering() -> None:
    assert labelfidelity.source_labels(lines_of("題名\n\n1.はじめに\n\n本文。")) == []
