// Language switching that keeps the passage.
//
// 1. The <link rel="alternate" hreflang> tags in the page head name this page's
//    counterpart. Material's script reads them when the DOM is ready, fetches a
//    sitemap.xml beside each one (which does not exist for a single page: a 404 on every
//    page view) and then intercepts every click into the other language, dropping the
//    #unit of the link. This script runs before that moment and retags the links in the
//    live page only, so the HTML that crawlers read keeps rel="alternate".
// 2. The header's language links then go to the counterpart page at the same unit: the
//    one in the address, or else the first unit at the top of the screen.
(function () {
  "use strict";

  document.querySelectorAll("link[rel=alternate][hreflang]").forEach(function (link) {
    link.rel = "alternate-language";
  });

  function currentUnit() {
    if (location.hash.length > 1) return decodeURIComponent(location.hash.slice(1));
    var units = document.querySelectorAll(
      "article [id^='p-'], article [id^='s-'], article [id^='fig-']");
    var header = document.querySelector(".md-header");
    var top = header ? header.getBoundingClientRect().bottom : 0;
    // The first unit that starts below the header, unless it starts in the lower half of
    // the screen: then the reader is inside the long unit before it.
    for (var i = 0; i < units.length; i++) {
      var start = units[i].getBoundingClientRect().top;
      if (start >= top - 4) {
        if (start > window.innerHeight / 2 && i > 0) return units[i - 1].id;
        return units[i].id;
      }
    }
    return units.length ? units[units.length - 1].id : null;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
    if (!link || !document.querySelector("article .unit-xlink")) return;
    var unit = currentUnit();
    if (!unit) return;
    event.preventDefault();
    location.href = link.href.split("#")[0] + "#" + encodeURIComponent(unit);
  });
})();
