// lawlint HTML report: click a finding to scroll the text to it and highlight it; click a
// highlight to find it in the panel; severity filters. No network, no libraries.
(function () {
  "use strict";
  var current = [];
  function clear() {
    current.forEach(function (el) { el.classList.remove("active", "current"); });
    current = [];
  }
  function activate(id, fromText) {
    clear();
    var marks = document.querySelectorAll(".f" + id);
    marks.forEach(function (el) { el.classList.add("active"); current.push(el); });
    var item = document.querySelector('.find[data-f="' + id + '"]');
    if (item) {
      item.classList.add("current"); current.push(item);
      var cat = item.closest("details"); if (cat) cat.open = true;
      if (fromText) item.scrollIntoView({block: "nearest"});
    }
    var anchor = document.getElementById("f" + id);
    if (anchor && !fromText) anchor.scrollIntoView({block: "center"});
    document.body.dataset.active = id;
    if (history.replaceState) history.replaceState(null, "", "#f" + id);
  }
  document.addEventListener("click", function (ev) {
    var find = ev.target.closest(".find");
    if (find) { ev.preventDefault(); activate(find.dataset.f, false); return; }
    var mark = ev.target.closest("mark[data-f], .pin[data-f]");
    if (mark && !mark.classList.contains("off")) {
      var ids = mark.dataset.f.split(" ");
      var at = ids.indexOf(document.body.dataset.active || "");
      activate(ids[(at + 1) % ids.length], true);    // repeated clicks cycle through overlaps
      return;
    }
    var goto = ev.target.closest("a[data-line]");
    if (goto) {
      ev.preventDefault();
      var line = document.getElementById("L" + goto.dataset.line);
      if (line) {
        document.querySelectorAll(".ln.target").forEach(function (el) { el.classList.remove("target"); });
        line.classList.add("target");
        line.scrollIntoView({block: "center"});
      }
    }
  });
  function applyFilters() {
    var shown = {};
    document.querySelectorAll(".filters input[data-sev]").forEach(function (box) {
      shown[box.dataset.sev] = box.checked;
    });
    document.querySelectorAll(".find").forEach(function (el) {
      el.parentNode.classList.toggle("hidden", !shown[el.dataset.sev]);
    });
    document.querySelectorAll(".rule").forEach(function (el) {
      el.classList.toggle("hidden", !shown[el.dataset.sev]);
    });
    document.querySelectorAll("mark[data-sev], .pin[data-sev]").forEach(function (el) {
      var on = el.dataset.sev.split(" ").some(function (s) { return shown[s]; });
      el.classList.toggle("off", !on);
      if (el.classList.contains("pin")) el.classList.toggle("hidden", !on);
    });
  }
  document.querySelectorAll(".filters input").forEach(function (box) {
    box.addEventListener("change", applyFilters);
  });
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
  var m = /^#f(\d+)$/.exec(location.hash);
  if (m) activate(m[1], false);
})();
