// The bilingual concordance page (overrides/concordance.html): a word or phrase typed in
// either language returns the aligned unit pairs that hold it, side by side.
//
// The index (policydocs/search/concordance.py) is a Pagefind bundle per language, each
// record one aligned pair. A query that holds Japanese script is looked up in the Japanese
// texts, any other in the English texts, so a first query loads one bundle only. Pagefind
// finds the candidates (its extended build segments Japanese, so text typed without spaces
// works); each candidate's text is then held against the query as typed (width, case and
// spaces ignored; English as whole words, a plural allowed, as policydocs/terms/matching.py
// does), so only pairs that really hold it are shown. Results come in the collection's order
// (Pagefind's sort key) and are grouped by document; candidates are checked a batch at a
// time, so a common word does not fetch every record at once.
(function () {
  "use strict";

  var form = document.querySelector(".concordance");
  if (!form) return;
  var BATCH = 40;  // candidates whose records are fetched at a time
  var SHOWN = 20;  // pairs shown before "Show more"
  var data = JSON.parse(form.getAttribute("data-concordance") || "{}");
  var strings = data.strings || {};
  var input = form.querySelector(".concordance__query");
  var documentFilter = form.querySelector(".concordance__document");
  var translationFilter = form.querySelector(".concordance__translation");
  var status = document.querySelector(".concordance__status");
  var output = document.querySelector(".concordance__results");
  var more = document.querySelector(".concordance__more");
  var config = JSON.parse(document.getElementById("__config").textContent);
  var base = new URL(config.base.replace(/\/?$/, "/"), location.href);
  var pageLang = document.documentElement.lang;
  var engines = {};
  var latest = 0;
  var current = null;  // the search being shown: {query, lang, ids, next, pairs, ...}

  var JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

  function engine(lang) {
    if (!engines[lang]) {
      engines[lang] = import(new URL("concordance/" + lang + "/pagefind.js", base).href)
        .then(function (pagefind) {
          return pagefind.options({ excerptLength: 0 }).then(function () {
            pagefind.init();
            return pagefind;
          });
        });
    }
    return engines[lang];
  }

  // Text normalized as the matching rule needs it, with, for each character of the result,
  // the span of the original text it came from (to mark the match in the original).
  function normalized(text, dropSpaces) {
    var out = [], from = [], to = [];
    for (var i = 0; i < text.length;) {
      var ch = String.fromCodePoint(text.codePointAt(i));
      var n = ch.normalize("NFKC").toLowerCase().replace(/[\u2010-\u2015\u2212]/g, "-");
      if (/^\s+$/.test(n)) {
        n = dropSpaces || !out.length || out[out.length - 1] === " " ? "" : " ";
      }
      for (var k = 0; k < n.length; k++) { out.push(n[k]); from.push(i); to.push(i + ch.length); }
      i += ch.length;
    }
    return { text: out.join(""), from: from, to: to };
  }

  function needle(query, lang) {
    return normalized(query, lang === "ja").text.trim();
  }

  // An English phrase as policydocs/terms/matching.py finds it: whole words, a hyphen or
  // space between words optional ("multi-stakeholder", "multistakeholder"), a plural allowed.
  function englishPattern(wanted) {
    var words = wanted.split(/[ -]/).filter(Boolean).map(function (w) {
      return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    });
    if (!words.length) return null;
    return new RegExp("(?<![\\p{L}\\p{N}_-])" + words.join("[ -]?") +
      "(?:s|es)?(?![\\p{L}\\p{N}_])", "gu");
  }

  // Where ``wanted`` (normalized) occurs in ``text``, as spans of the original text.
  function spans(text, wanted, lang) {
    var hay = normalized(text, lang === "ja");
    var found = [];
    if (!wanted) return found;
    if (lang === "ja") {
      for (var at = hay.text.indexOf(wanted); at >= 0; at = hay.text.indexOf(wanted, at + 1)) {
        found.push([hay.from[at], hay.to[at + wanted.length - 1]]);
      }
      return found;
    }
    var pattern = englishPattern(wanted), m;
    while (pattern && (m = pattern.exec(hay.text)) !== null) {
      if (!m[0].length) { pattern.lastIndex++; continue; }
      found.push([hay.from[m.index], hay.to[m.index + m[0].length - 1]]);
    }
    return found;
  }

  // Terms of the term base the query is, or is part of, or that are part of the query.
  function termsOf(wanted, lang) {
    return (data.terms || []).filter(function (term) {
      return term[lang].some(function (form) {
        var f = needle(form, lang);
        return f && (f.indexOf(wanted) >= 0 || wanted.indexOf(f) >= 0);
      });
    });
  }

  function pieces(query) {
    // Pagefind and the browser may cut a Japanese compound differently: its pieces.
    if (!window.Intl || !Intl.Segmenter) return [];
    return Array.from(new Intl.Segmenter("ja", { granularity: "word" }).segment(query))
      .filter(function (s) { return s.isWordLike; })
      .map(function (s) { return s.segment; });
  }

  // An English compound written the other ways the rule accepts ("multi-stakeholder",
  // "multistakeholder", "multi stakeholder"): Pagefind indexes each as its own words.
  function compounds(query) {
    var words = query.split(/[ -]+/).filter(Boolean);
    if (words.length < 2) return [];
    return [words.join(""), words.join(" ")].filter(function (v, i, all) {
      return v !== query && all.indexOf(v) === i;
    });
  }

  function filters() {
    var chosen = {};
    if (documentFilter && documentFilter.value) chosen.document = documentFilter.value;
    if (translationFilter && translationFilter.value) chosen.translation = translationFilter.value;
    return chosen;
  }

  // The candidates, in the collection's order. Pagefind's indexer and the query may cut a
  // Japanese compound differently (サイバーセキュリティ as typed finds 1 record of 33), so a
  // Japanese query is also looked up by each piece the browser cuts it in: the longest
  // list of candidates leads (every record that holds the query holds each piece), and the
  // others' extra candidates follow. Records are checked against the query as typed anyway.
  function candidates(pagefind, query, lang) {
    var options = { filters: filters(), sort: { order: "asc" } };
    var terms = [query].concat(lang === "ja" ? pieces(query).filter(function (p) {
      return p.length >= 2 && p !== query;
    }) : compounds(query));
    return Promise.all(terms.map(function (term) {
      return pagefind.search(term, options);
    })).then(function (each) {
      var lists = each.map(function (r) { return r.results; })
        .sort(function (a, b) { return b.length - a.length; });
      var seen = {}, out = [];
      lists.forEach(function (list) {
        list.forEach(function (r) { if (!seen[r.id]) { seen[r.id] = true; out.push(r); } });
      });
      return out;
    });
  }

  // Fetches records until ``SHOWN`` more pairs hold the query, or the candidates run out.
  function fill(search) {
    search.limit += SHOWN;
    function step() {
      if (search.pairs.length > search.limit || search.next >= search.results.length) {
        return Promise.resolve(search);
      }
      var batch = search.results.slice(search.next, search.next + BATCH);
      search.next += batch.length;
      return Promise.all(batch.map(function (r) { return r.data(); })).then(function (records) {
        records.forEach(function (record) {
          var hits = spans(record.content || "", search.wanted, search.lang);
          if (hits.length) search.pairs.push({ record: record, hits: hits });
        });
        search.pairs.sort(function (a, b) {
          return Number(a.record.meta.order) - Number(b.record.meta.order);
        });
        return step();
      });
    }
    return step();
  }

  function find(query) {
    var lang = JAPANESE.test(query) ? "ja" : "en";
    var search = { query: query, lang: lang, wanted: needle(query, lang), results: [],
                   next: 0, pairs: [], terms: [], limit: 0 };
    search.terms = termsOf(search.wanted, lang);
    return engine(lang).then(function (pagefind) {
      return candidates(pagefind, query, lang);
    }).then(function (results) {
      search.results = results;
      return fill(search);
    });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // The text with the given spans wrapped in <mark class=...>; built as nodes, never HTML.
  function marked(text, marks) {
    var p = el("p", "concordance__text");
    var at = 0;
    marks.sort(function (a, b) { return a[0] - b[0]; }).forEach(function (m) {
      if (m[0] < at) return;  // overlaps the one before
      p.appendChild(document.createTextNode(text.slice(at, m[0])));
      p.appendChild(el("mark", m[2], text.slice(m[0], m[1])));
      at = m[1];
    });
    p.appendChild(document.createTextNode(text.slice(at)));
    return p;
  }

  function termSpans(text, terms, lang) {
    var out = [];
    terms.forEach(function (term) {
      term[lang].forEach(function (form) {
        spans(text, needle(form, lang), lang).forEach(function (s) {
          out.push([s[0], s[1], "concordance__term"]);
        });
      });
    });
    return out;
  }

  function cell(lang, text, marks, url, unit) {
    var div = el("div", "concordance__cell");
    div.lang = lang;
    div.appendChild(el("span", "concordance__lang", lang === "ja" ? "日本語" : "English"));
    div.appendChild(marked(text, marks));
    var link = el("a", "concordance__link", (strings["link_" + lang] || "") + " " + unit);
    link.href = new URL(url, base).href;
    div.appendChild(link);
    return div;
  }

  function pairItem(pair, search) {
    var record = pair.record, meta = record.meta || {};
    var other = search.lang === "ja" ? "en" : "ja";
    var texts = {}, marks = {};
    texts[search.lang] = record.content || "";
    texts[other] = meta.other || "";
    marks[search.lang] = pair.hits.map(function (h) { return [h[0], h[1], "concordance__hit"]; });
    marks[other] = termSpans(texts[other], search.terms, other);
    var li = el("li", "concordance__pair");
    li.setAttribute("data-unit", (meta.page || "") + "#" + (meta.unit || ""));
    ["ja", "en"].forEach(function (lang) {
      li.appendChild(cell(lang, texts[lang], marks[lang], meta[lang + "_url"], meta.unit || ""));
    });
    return li;
  }

  function groupHeading(meta) {
    var header = el("header", "concordance__doc-head");
    header.appendChild(el("h2", "concordance__doc-title",
      meta["title_" + pageLang] || meta.document || ""));
    var facts = [meta.date, strings["translation_" + meta.translation] || meta.translation];
    header.appendChild(el("p", "concordance__doc-meta",
      facts.filter(Boolean).join(" · ")));
    return header;
  }

  function render(search) {
    output.innerHTML = "";
    var group = null, list = null, documents = 0;
    search.pairs.slice(0, search.limit).forEach(function (pair) {
      var meta = pair.record.meta || {};
      if (!group || group.getAttribute("data-document") !== meta.document) {
        group = el("section", "concordance__doc");
        group.setAttribute("data-document", meta.document || "");
        group.appendChild(groupHeading(meta));
        list = el("ol", "concordance__pairs");
        group.appendChild(list);
        output.appendChild(group);
        documents++;
      }
      list.appendChild(pairItem(pair, search));
    });
    var done = search.next >= search.results.length && search.pairs.length <= search.limit;
    more.hidden = done;
    var n = Math.min(search.pairs.length, search.limit);
    var text = n === 0 ? (strings.none || "").replace("#", search.query)
      : (strings[done ? "count" : "count_more"] || "").replace("#", n).replace("%", documents);
    status.textContent = text;
    form.setAttribute("data-concordance-done", search.query);
  }

  function update() {
    var query = input.value.trim();
    var ticket = ++latest;
    var url = new URL(location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    history.replaceState(null, "", url.href);
    if (!query) {
      current = null;
      output.innerHTML = "";
      more.hidden = true;
      status.textContent = "";
      form.removeAttribute("data-concordance-done");
      return;
    }
    status.textContent = strings.searching || "";
    find(query).then(function (search) {
      if (ticket !== latest) return;
      current = search;
      render(search);
    }).catch(function (error) {
      if (ticket === latest) status.textContent = (strings.failed || "") + " " + String(error);
    });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(update, 200);
  });
  [documentFilter, translationFilter].forEach(function (select) {
    if (select) select.addEventListener("change", update);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    update();
  });
  more.addEventListener("click", function () {
    if (!current) return;
    var search = current, ticket = latest, first = search.limit;
    fill(search).then(function () {
      if (ticket !== latest) return;
      render(search);
      // Focus goes to the first new pair, so keyboard users carry on reading from there.
      var items = output.querySelectorAll(".concordance__pair");
      var next = items[first];
      if (next) {
        next.tabIndex = -1;
        next.focus();
      }
    });
  });

  var asked = new URL(location.href).searchParams.get("q");
  if (asked) {
    input.value = asked;
    update();
  }
})();
