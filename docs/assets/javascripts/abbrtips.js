// Acronym tooltips: one tooltip element for the whole page, shown for the abbreviation
// under the pointer or a tap.
//
// Material's "content.tooltips" builds a tooltip with its own observers for every
// element with a title, when the page loads: on a white-paper part (97 acronyms) that is
// a quarter of a second of main-thread time on a phone before the page answers. This one
// costs nothing until it is used. The tooltip can be hovered and is dismissed with Escape
// (WCAG 1.4.13); while it shows, the abbreviation's title moves to the tooltip, which
// describes it, so the browser's own tooltip does not cover it.
(function () {
  "use strict";

  var tip = document.createElement("div");
  tip.className = "abbr-tip";
  tip.id = "abbr-tip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  document.body.appendChild(tip);
  var shown = null;
  var leaving = 0;

  function show(abbr) {
    if (shown === abbr) return;
    hide();
    shown = abbr;
    tip.textContent = abbr.getAttribute("title");
    abbr.setAttribute("data-title", tip.textContent);
    abbr.removeAttribute("title");
    abbr.setAttribute("aria-describedby", tip.id);
    tip.hidden = false;
    var box = abbr.getBoundingClientRect();
    var left = Math.min(box.left, document.documentElement.clientWidth - tip.offsetWidth - 8);
    tip.style.left = Math.max(8, left) + "px";
    var below = box.bottom + 6;
    tip.style.top = (below + tip.offsetHeight > window.innerHeight
      ? box.top - tip.offsetHeight - 6 : below) + "px";
  }

  function hide() {
    if (!shown) return;
    shown.setAttribute("title", shown.getAttribute("data-title"));
    shown.removeAttribute("data-title");
    shown.removeAttribute("aria-describedby");
    shown = null;
    tip.hidden = true;
  }

  function target(event) {
    var el = event.target;
    return el && el.closest ? el.closest("article abbr[title], article abbr[data-title]") : null;
  }

  // Leaving the acronym hides the tooltip after a moment, time enough to cross the gap
  // to the tooltip and read it there.
  document.addEventListener("mouseover", function (event) {
    var abbr = target(event);
    clearTimeout(leaving);
    if (abbr) show(abbr);
    else if (shown && !tip.contains(event.target)) leaving = setTimeout(hide, 300);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });
  window.addEventListener("scroll", hide, { passive: true });
})();
