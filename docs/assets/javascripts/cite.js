// "Cite this passage": a button on every unit of a document page opens one shared panel
// with "copy link" (the page's address with the unit's #id) and "copy citation" (issuer,
// title, date, the passage's name and that address), in the page's language. The data
// comes from the page (policydocs.site.citations); without it, or without JavaScript,
// nothing is added. The panel is a disclosure: Tab reaches its buttons, Escape closes it
// and returns focus to the unit's button.
(function () {
  "use strict";

  var source = document.getElementById("cite-data");
  if (!source) return;
  var data = JSON.parse(source.textContent);
  var words = data.text;

  var panel = document.createElement("div");
  panel.className = "cite-panel";
  panel.id = "cite-panel";
  panel.hidden = true;
  panel.setAttribute("role", "group");
  var copyLink = button(words.link, "cite-panel__link");
  var copyCitation = button(words.citation, "cite-panel__citation");
  var close = button(words.close, "cite-panel__close");
  var shown = document.createElement("p");
  shown.className = "cite-panel__text";
  var status = document.createElement("p");
  status.className = "cite-panel__status";
  status.setAttribute("role", "status");
  panel.append(copyLink, copyCitation, close, shown, status);
  var opener = null;

  function button(label, className) {
    var el = document.createElement("button");
    el.type = "button";
    el.className = className;
    el.textContent = label;
    return el;
  }

  function address(id) {
    var url = new URL(window.location.href);
    url.hash = id;
    return url.href;
  }

  function citation(id) {
    var fields = {issuer: data.issuer, title: data.title, date: data.date,
                  name: data.names[id], url: address(id)};
    return words.citation_format.replace(/\{(\w+)\}/g, function (_, key) {
      return fields[key];
    });
  }

  function open(trigger) {
    if (opener) opener.setAttribute("aria-expanded", "false");
    opener = trigger;
    trigger.setAttribute("aria-expanded", "true");
    panel.setAttribute("aria-label", trigger.getAttribute("aria-label"));
    status.textContent = "";
    shown.textContent = citation(trigger.dataset.unit);
    // Beside the unit, not inside it: a heading's name or a paragraph's text would take
    // in the panel's words (a list item can hold it).
    var unit = document.getElementById(trigger.dataset.unit);
    if (unit.tagName === "LI") unit.append(panel);
    else unit.after(panel);
    panel.hidden = false;
    copyLink.focus();
  }

  function dismiss() {
    if (!opener) return;
    panel.hidden = true;
    opener.setAttribute("aria-expanded", "false");
    opener.focus();
    opener = null;
  }

  function copy(text) {
    shown.textContent = text;
    var done = function () { status.textContent = words.copied; };
    var failed = function () {
      status.textContent = words.failed;
      var range = document.createRange();
      range.selectNodeContents(shown);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, failed);
    } else {
      failed();
    }
  }

  copyLink.addEventListener("click", function () { copy(address(opener.dataset.unit)); });
  copyCitation.addEventListener("click", function () { copy(citation(opener.dataset.unit)); });
  close.addEventListener("click", dismiss);
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") dismiss();
  });

  Object.keys(data.names).forEach(function (id) {
    var unit = document.getElementById(id);
    if (!unit || !unit.closest("article")) return;
    var trigger = button(words.short, "unit-cite");
    var label = words.cite.replace("{name}", data.names[id]);
    trigger.setAttribute("aria-label", label);
    trigger.setAttribute("aria-expanded", "false");
    trigger.setAttribute("aria-controls", panel.id);
    trigger.dataset.unit = id;
    trigger.addEventListener("click", function () {
      if (opener === trigger && !panel.hidden) dismiss();
      else open(trigger);
    });
    var after = unit.querySelector(":scope > .unit-xlink") || null;
    if (after) after.after(trigger);
    else unit.append(trigger);
  });
})();
