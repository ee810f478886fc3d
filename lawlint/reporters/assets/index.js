// lawlint batch overview: sort by any column, filter by text, grade and missing parts.
(function () {
  "use strict";
  var table = document.getElementById("reports");
  var body = table.tBodies[0];
  var dir = {};
  table.querySelectorAll("th[data-key]").forEach(function (th, col) {
    th.addEventListener("click", function () {
      var key = th.dataset.key, numeric = th.dataset.type === "num";
      dir[key] = dir[key] === "asc" ? "desc" : "asc";
      table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", dir[key] === "asc" ? "ascending" : "descending");
      var idx = Array.prototype.indexOf.call(th.parentNode.children, th);
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[idx].dataset.v, y = b.cells[idx].dataset.v;
        var r;
        if (numeric) { r = (parseFloat(x) || -1) - (parseFloat(y) || -1); }
        else { r = (x || "").localeCompare(y || "", "zh-CN"); }
        return dir[key] === "asc" ? r : -r;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
  var q = document.getElementById("q"), grade = document.getElementById("grade"),
      missing = document.getElementById("missing"), count = document.getElementById("shown");
  function filter() {
    var text = q.value.trim().toLowerCase(), g = grade.value, n = 0;
    Array.prototype.forEach.call(body.rows, function (row) {
      var ok = (!text || row.dataset.search.toLowerCase().indexOf(text) >= 0)
        && (!g || row.dataset.grade === g)
        && (!missing.checked || row.dataset.missing !== "0");
      row.classList.toggle("hidden", !ok);
      if (ok) n += 1;
    });
    count.textContent = n;
  }
  [q, grade, missing].forEach(function (el) { el.addEventListener("input", filter); });
  missing.addEventListener("change", filter);
  filter();
})();
