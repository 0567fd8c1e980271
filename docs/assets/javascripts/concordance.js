// The bilingual concordance page (overrides/concordance.html): a word or phrase typed in
// either language returns the aligned unit pairs that hold it, side by side.
//
// The index (policydocs/search/ngramindex.py) is the bigrams of every pair's text in each
// language, in small files: a query that holds Japanese script is looked up in the Japanese
// texts, any other in the English texts. The dictionary files of the query's bigrams say
// which windows of the collection hold them all; in each such window, in order, the
// postings of the rarest bigrams are intersected, and the candidates' records held against
// the query as typed (width, case and spaces ignored; English as whole words, a plural
// allowed, as policydocs/terms/matching.py does), so only pairs that really hold it are
// shown. What a query loads grows with the pairs it shows, not with the collection.
// Results come in the collection's order and are grouped by document.
(function () {
  "use strict";

  var form = document.querySelector(".concordance");
  if (!form) return;
  var BATCH = 24;  // candidates whose records are fetched at a time (at most as many files)
  var RAREST = 4;  // bigrams whose postings are intersected in a window
  var SHOWN = 20;  // pairs shown before "Show more"
  var data = JSON.parse(form.getAttribute("data-concordance") || "{}");
  var strings = data.strings || {};
  var input = form.querySelector(".concordance__query");
  var sectionFilter = form.querySelector(".concordance__section");
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

  var root = new URL("concordance/data/", base);
  var files = {};

  function load(path) {
    if (!files[path]) {
      files[path] = fetch(new URL(path, root).href).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + path);
        return response.json();
      });
      files[path].catch(function () { delete files[path]; });  // a failed load is tried again
    }
    return files[path];
  }

  // The query cut as policydocs/search/ngramindex.py cuts the texts: each character NFKC
  // and lower case, spaces and hyphens taken out, then its distinct bigrams.
  function grams(query) {
    var chars = [];
    Array.from(query).forEach(function (ch) {
      Array.from(ch.normalize("NFKC").toLowerCase().replace(/[\s\u2010-\u2015\u2212-]/g, ""))
        .forEach(function (c) { chars.push(c); });
    });
    var out = [];
    for (var i = 0; i + 1 < chars.length; i++) {
      var gram = chars[i] + chars[i + 1];
      if (out.indexOf(gram) < 0) out.push(gram);
    }
    return out;
  }

  function bucket(gram, buckets) {  // FNV-1a over the code points, as the indexer does
    var h = 2166136261;
    Array.from(gram).forEach(function (ch) {
      h = Math.imul(h ^ ch.codePointAt(0), 16777619) >>> 0;
    });
    return h % buckets;
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

  // The records the filters leave, as ranges of the collection's order (a document's
  // records are consecutive), or null when no filter is chosen. The page lists only the
  // sections; a section's documents and the runs of each translation state are small files
  // loaded when the filter is used (policydocs/search/concordancefilters.py).
  function ranges() {
    var section = sectionFilter ? sectionFilter.value : "";
    var wanted = documentFilter ? documentFilter.value : "";
    var state = translationFilter ? translationFilter.value : "";
    var scope = section === "" ? Promise.resolve(null) :
      load("sections/" + section + ".json").then(function (rows) {
        return rows.filter(function (row) { return !wanted || row[0] === wanted; })
          .map(function (row) { return [row[3], row[4]]; });
      });
    var runs = !state ? Promise.resolve(null) : load("translations.json").then(function (all) {
      return all[state] || [];
    });
    return Promise.all([scope, runs]).then(function (both) {
      if (both[0] === null) return both[1];
      if (both[1] === null) return both[0];
      return clip(both[0], both[1]);
    });
  }

  // The parts two lists of ranges have in common.
  function clip(a, b) {
    var out = [];
    a.forEach(function (x) {
      b.forEach(function (y) {
        var first = Math.max(x[0], y[0]), last = Math.min(x[1], y[1]);
        if (first <= last) out.push([first, last]);
      });
    });
    return out;
  }

  // The chosen section's documents, as the choices of the document filter.
  function showDocuments() {
    var section = sectionFilter.value;
    documentFilter.length = 1;
    documentFilter.disabled = section === "";
    if (section === "") return Promise.resolve();
    return load("sections/" + section + ".json").then(function (rows) {
      if (sectionFilter.value !== section) return;
      rows.forEach(function (row) {
        var option = document.createElement("option");
        option.value = row[0];
        option.textContent = (pageLang === "en" ? row[2] : row[1]) || row[0];
        documentFilter.appendChild(option);
      });
    });
  }

  function within(id, allowed) {
    return !allowed || allowed.some(function (r) { return r[0] <= id && id <= r[1]; });
  }

  function overlaps(w, size, allowed) {
    return !allowed || allowed.some(function (r) { return r[0] < (w + 1) * size && w * size <= r[1]; });
  }

  function intersect(lists) {
    return lists.reduce(function (a, b) {
      var out = [], i = 0, j = 0;
      while (i < a.length && j < b.length) {
        if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) i++; else j++;
      }
      return out;
    });
  }

  // A record of the index as the page shows it.
  function record(id, file) {
    var row = file.records[id % manifestOf.chunk], doc = file.documents[row[0]] || [];
    return { content: "", id: id, meta: { order: id, document: row[0], page: row[1],
      unit: row[2], translation: row[3], ja: row[4], en: row[5], ja_url: row[6],
      en_url: row[7], title_ja: doc[0], title_en: doc[1], date: doc[2] } };
  }

  var manifestOf = null;

  // The candidates of the next window where every bigram occurs: the postings of the
  // rarest few intersected (the records are held against the whole query anyway).
  function nextWindow(search) {
    var w = search.windows[search.window++];
    var lang = manifestOf.languages[search.lang];
    return Promise.all(search.rarest.map(function (gram) {
      return load(search.lang + "/post/" + w + "/" + bucket(gram, lang.post) + ".json")
        .then(function (file) {
          var at = w * manifestOf.window - 1;
          return (file[gram] || []).map(function (gap) { return (at += gap); });
        });
    })).then(function (lists) {
      intersect(lists).forEach(function (id) {
        if (within(id, search.allowed)) search.candidates.push(id);
      });
    });
  }

  // Reads candidates' records until ``SHOWN`` more pairs hold the query, or none are left.
  function fill(search) {
    search.limit += SHOWN;
    function step() {
      if (search.pairs.length > search.limit) return Promise.resolve(search);
      if (search.next >= search.candidates.length) {
        if (search.window >= search.windows.length) return Promise.resolve(search);
        return nextWindow(search).then(step);
      }
      var batch = search.candidates.slice(search.next, search.next + BATCH);
      search.next += batch.length;
      return Promise.all(batch.map(function (id) {
        return load("records/" + Math.floor(id / manifestOf.chunk) + ".json").then(function (file) {
          return record(id, file);
        });
      })).then(function (records) {
        records.forEach(function (r) {
          r.content = r.meta[search.lang];
          r.meta.other = r.meta[search.lang === "ja" ? "en" : "ja"];
          var hits = spans(r.content, search.wanted, search.lang);
          if (hits.length) search.pairs.push({ record: r, hits: hits });
        });
        return step();
      });
    }
    return step();
  }

  function find(query) {
    var lang = JAPANESE.test(query) ? "ja" : "en";
    var search = { query: query, lang: lang, wanted: needle(query, lang), windows: [],
                   window: 0, rarest: [], candidates: [], next: 0, pairs: [], limit: 0,
                   allowed: null, short: false };
    search.terms = termsOf(search.wanted, lang);
    var wanted = grams(query);
    if (!wanted.length) {
      search.short = true;
      return Promise.resolve(search);
    }
    return ranges().then(function (allowed) {
      search.allowed = allowed;
      return load("index.json");
    }).then(function (manifest) {
      manifestOf = manifest;
      var dict = manifest.languages[lang].dict;
      return Promise.all(wanted.map(function (gram) {
        return load(lang + "/dict/" + bucket(gram, dict) + ".json").then(function (file) {
          return file[gram] ? { gram: gram, count: file[gram][0], windows: file[gram][1] } : null;
        });
      }));
    }).then(function (entries) {
      if (entries.some(function (e) { return !e; })) return search;  // a bigram no text has
      entries.sort(function (a, b) { return a.count - b.count; });
      search.rarest = entries.slice(0, RAREST).map(function (e) { return e.gram; });
      search.windows = intersect(entries.map(function (e) { return e.windows; }))
        .filter(function (w) { return overlaps(w, manifestOf.window, search.allowed); });
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
    var done = search.next >= search.candidates.length && search.window >= search.windows.length &&
      search.pairs.length <= search.limit;
    more.hidden = done;
    var n = Math.min(search.pairs.length, search.limit);
    var text = search.short ? strings.short || ""
      : n === 0 ? (strings.none || "").replace("#", search.query)
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
  if (sectionFilter && documentFilter) {
    sectionFilter.addEventListener("change", function () {
      var ticket = latest;
      showDocuments().then(function () { if (ticket === latest) update(); }, update);
    });
  }
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
