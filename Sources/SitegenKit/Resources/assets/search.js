/* sitegen search: a static search over the index that the build writes (search-index.js).
   No server, no network: it works from file:// too. Accent- and case-insensitive. */
(function (root) {
  "use strict";

  /* The same folding as the build's: accents off, typographic apostrophes straight, lower case. */
  function fold(s) {
    return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[\u2019\u2018\u02bc`\u00b4]/g, "'").replace(/[\u2010-\u2013]/g, "-")
      .toLowerCase().replace(/\s+/g, " ").trim();
  }

  /* Entries whose text holds every word of the query; title matches first. */
  function search(index, query, limit) {
    var words = fold(query).split(/[^0-9a-z\u00c0-\uffff'-]+/).filter(function (w) { return w.length > 0; });
    if (words.length === 0 || !index || !index.entries) { return []; }
    var hits = [];
    index.entries.forEach(function (e) {
      var text = e[3];
      for (var i = 0; i < words.length; i++) { if (text.indexOf(words[i]) < 0) { return; } }
      var title = fold(e[1]);
      var score = words.every(function (w) { return title.indexOf(w) >= 0; }) ? 0 : 1;
      hits.push({ kind: e[0], title: e[1], url: e[2], detail: e[4] || "", score: score });
    });
    hits.sort(function (a, b) { return a.score - b.score; });
    return hits.slice(0, limit || 50);
  }

  function show(index, labels, query, list, status) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    var hits = search(index, query, 50);
    status.textContent = query.trim() === "" ? "" : hits.length + " " + (labels.results || "results");
    hits.forEach(function (h) {
      var li = document.createElement("li");
      var kind = document.createElement("small");
      kind.textContent = (labels[h.kind] || h.kind) + " · ";
      var a = document.createElement("a");
      a.href = h.url;
      a.textContent = h.title;
      li.appendChild(kind);
      li.appendChild(a);
      if (h.detail) {
        var p = document.createElement("div");
        p.textContent = h.detail;
        li.appendChild(p);
      }
      list.appendChild(li);
    });
  }

  root.sitegenSearch = search;
  root.sitegenFold = fold;
  if (typeof module !== "undefined" && module.exports) { module.exports = { search: search, fold: fold }; }

  if (typeof document !== "undefined") {
    document.addEventListener("DOMContentLoaded", function () {
      var form = document.getElementById("search-form");
      var input = document.getElementById("search-input");
      var list = document.getElementById("search-results");
      var status = document.getElementById("search-status");
      if (!form || !input || !list || !status) { return; }
      var index = root.SITEGEN_SEARCH;
      var labels = (index && index.labels) || {};
      form.hidden = false;
      var params = new URLSearchParams(root.location ? root.location.search : "");
      if (params.get("q")) { input.value = params.get("q"); }
      var run = function () { show(index, labels, input.value, list, status); };
      input.addEventListener("input", run);
      form.addEventListener("submit", function (ev) { ev.preventDefault(); run(); });
      run();
    });
  }
})(typeof window !== "undefined" ? window : globalThis);
