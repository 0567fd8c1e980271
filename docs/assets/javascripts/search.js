// Site search: Material's search box, Pagefind behind it.
//
// Pagefind keeps one index per language and loads only the chunks a query needs, and its
// extended build segments Japanese, so queries typed without spaces work. A query is first
// searched as a phrase; only when the phrase finds too little is it widened to its words,
// then to its pieces. Pages that hold the query as typed come first, and each result links
// to the passage (the first unit whose text holds the query).
// Keyboard: "/" or "s" opens the search, Esc closes it, arrows move through the results.
(function () {
  "use strict";

  var MIN_RESULTS = 3;  // below this, widen the search
  var MAX_RESULTS = 10;
  var CANDIDATES = 20;  // pages whose text is fetched to check and place a match
  var box = document.querySelector(".site-search");
  var toggle = document.getElementById("__search");
  if (!box || !toggle) return;
  var input = box.querySelector(".md-search__input");
  var list = box.querySelector(".md-search-result__list");
  var count = box.querySelector(".site-search__count");
  var both = box.querySelector(".site-search__both-input");
  var strings = JSON.parse(box.getAttribute("data-strings") || "{}");
  var config = JSON.parse(document.getElementById("__config").textContent);
  var base = new URL(config.base.replace(/\/?$/, "/"), location.href);  // "/" on 404 pages
  var pageLang = document.documentElement.lang;
  var otherLang = pageLang === "ja" ? "en" : "ja";
  var engine = null;
  var merged = false;
  var latest = 0;

  function load() {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", base).href).then(function (pagefind) {
        return pagefind.options({ baseUrl: base.pathname, excerptLength: 24 }).then(function () {
          pagefind.init();
          return pagefind;
        });
      });
    }
    return engine;
  }

  function withBothLanguages(pagefind) {
    if (!both || !both.checked || merged) return Promise.resolve(pagefind);
    merged = true;
    return pagefind.mergeIndex(new URL("pagefind/", base).href, { language: otherLang })
      .then(function () { return pagefind; });
  }

  function norm(text) {
    return text.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
  }

  function quote(query) {
    return '"' + query.replace(/"/g, "") + '"';
  }

  function pieces(query) {
    // Pagefind and the browser cut Japanese compounds differently; the query's own pieces
    // (longest first) find the pages that the whole compound misses.
    if (!window.Intl || !Intl.Segmenter) return [];
    return Array.from(new Intl.Segmenter(pageLang, { granularity: "word" }).segment(query))
      .filter(function (s) { return s.isWordLike && s.segment.length >= 2; })
      .map(function (s) { return s.segment; })
      .sort(function (a, b) { return b.length - a.length; })
      .slice(0, 3);
  }

  function merge(into, more) {
    var seen = {};
    into.forEach(function (r) { seen[r.id] = true; });
    more.forEach(function (r) { if (!seen[r.id]) { seen[r.id] = true; into.push(r); } });
    return into;
  }

  function candidates(pagefind, query) {
    return pagefind.search(quote(query)).then(function (phrase) {
      var found = phrase.results.slice();
      if (found.length >= MIN_RESULTS) return found;
      return pagefind.search(query).then(function (words) {
        merge(found, words.results);
        if (found.length >= MIN_RESULTS) return found;
        return Promise.all(pieces(query).map(function (piece) {
          return pagefind.search(piece);
        })).then(function (more) {
          more.forEach(function (m) { merge(found, m.results); });
          return found;
        });
      });
    });
  }

  function search(query) {
    var wanted = norm(query);
    return load().then(withBothLanguages).then(function (pagefind) {
      return candidates(pagefind, query);
    }).then(function (found) {
      return Promise.all(found.slice(0, CANDIDATES).map(function (r) { return r.data(); }));
    }).then(function (items) {
      items.forEach(function (data) {
        data.verbatim = norm(data.content || "").indexOf(wanted) >= 0;
        var path = new URL(data.url, location.href).pathname.slice(base.pathname.length);
        data.language = path.indexOf("en/") === 0 ? "en" : "ja";
      });
      // Pages that hold the query as typed come first, each group in Pagefind's order.
      return items.filter(function (d) { return d.verbatim; })
        .concat(items.filter(function (d) { return !d.verbatim; }));
    });
  }

  function passage(data, query) {
    var wanted = norm(query);
    var units = (data.anchors || []).filter(function (a) {
      return /^(p|s|fig|intro)-/.test(a.id);
    });
    for (var i = 0; i < units.length; i++) {
      if (norm(units[i].text || "").indexOf(wanted) >= 0) return units[i];
    }
    var first = (data.locations && data.locations.length) ? data.locations[0] : 0;
    var near = null;
    units.forEach(function (a) { if (a.location <= first) near = a; });
    return near;
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function excerpt(text, query) {
    // The unit's own text around the match, escaped, with the match marked.
    var at = text.toLowerCase().indexOf(query.toLowerCase());
    if (at < 0) return null;
    var start = Math.max(0, at - 40);
    var end = Math.min(text.length, at + query.length + 60);
    return (start ? "…" : "") + escapeHtml(text.slice(start, at)) + "<mark>" +
      escapeHtml(text.slice(at, at + query.length)) + "</mark>" +
      escapeHtml(text.slice(at + query.length, end)) + (end < text.length ? "…" : "");
  }

  function label(n) {
    if (n === 0) return strings.none || "No results";
    if (n === 1) return strings.one || "1 result";
    return (strings.other || "# results").replace("#", n);
  }

  function render(items, query) {
    list.innerHTML = "";
    items.forEach(function (data) {
      var unit = passage(data, query);
      var li = document.createElement("li");
      li.className = "md-search-result__item";
      var a = document.createElement("a");
      a.className = "md-search-result__link";
      a.href = unit ? data.url.split("#")[0] + "#" + unit.id : data.url;
      a.setAttribute("role", "option");
      var article = document.createElement("article");
      article.className = "md-search-result__article md-typeset";
      var title = document.createElement("h1");
      title.textContent = (data.meta && data.meta.title) || data.url;
      if (data.language !== pageLang) {
        var tag = document.createElement("span");
        tag.className = "site-search__lang";
        tag.textContent = data.language === "ja" ? "日本語" : "English";
        title.appendChild(tag);
      }
      var teaser = document.createElement("p");
      teaser.className = "md-search-result__teaser";
      // Both forms are escaped text with <mark> added: ours from the unit, or Pagefind's.
      teaser.innerHTML = (unit && excerpt(unit.text || "", query)) || data.excerpt;
      article.appendChild(title);
      article.appendChild(teaser);
      a.appendChild(article);
      li.appendChild(a);
      list.appendChild(li);
    });
  }

  function update() {
    var query = input.value.trim();
    var ticket = ++latest;
    if (!query) {
      list.innerHTML = "";
      count.textContent = strings.placeholder || "";
      return;
    }
    search(query).then(function (items) {
      if (ticket !== latest) return;
      count.textContent = label(items.length);
      render(items.slice(0, MAX_RESULTS), query);
      box.setAttribute("data-search-done", query);
    }).catch(function (error) {
      count.textContent = String(error);
    });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(update, 120);
  });
  input.addEventListener("focus", function () {
    toggle.checked = true;
    load();
  });
  // Tabbing out of the search closes it: an open panel would hide where focus went.
  box.addEventListener("focusout", function (event) {
    if (event.relatedTarget && !box.contains(event.relatedTarget)) toggle.checked = false;
  });
  box.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) location.href = first.href;
  });
  box.querySelector("form").addEventListener("reset", function () {
    setTimeout(update, 0);
  });
  if (both) both.addEventListener("change", update);

  function typing(target) {
    return target && (target.isContentEditable ||
      /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  document.addEventListener("keydown", function (event) {
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (toggle.checked && event.key === "Escape") {
      toggle.checked = false;
      input.blur();
      event.preventDefault();
    } else if (toggle.checked && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      if (!links.length) return;
      var next = event.key === "ArrowDown" ? at + 1 : at - 1;
      if (next < 0) { input.focus(); } else { links[Math.min(next, links.length - 1)].focus(); }
      event.preventDefault();
    } else if (!typing(event.target) && (event.key === "/" || event.key === "s")) {
      toggle.checked = true;
      input.focus();
      event.preventDefault();
    }
  });
})();
