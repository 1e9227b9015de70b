/* stakegraph explorer: search as you type, and a drawing that grows when a node is clicked.
   Text from the store goes into the page only as textContent (never as markup). */
(function () {
  "use strict";
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function href(path, id) { return path + "?id=" + encodeURIComponent(id); }

  // ---- search as you type ----
  var q = document.getElementById("q"), list = document.getElementById("suggest");
  var pending = 0, timer = null;
  function suggest() {
    var text = q.value.trim(), mine = ++pending;
    if (!text) { list.textContent = ""; return; }
    fetch("/api/search?limit=12&text=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (rows) {
        if (mine !== pending) { return; }
        list.textContent = "";
        rows.forEach(function (r) {
          var li = el("li"), a = el("a");
          a.href = href("/entity", r.id);
          a.appendChild(el("bdi", r.name));
          li.appendChild(a);
          var what = [r.label, r.kind, r.place].filter(Boolean).join(" · ");
          li.appendChild(el("span", what, "what"));
          list.appendChild(li);
        });
        if (!rows.length) { list.appendChild(el("li", "no match", "none")); }
      })
      .catch(function () { /* the form still works without this */ });
  }
  if (q && list) {
    q.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(suggest, 120); });
    q.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown") { var a = list.querySelector("a"); if (a) { ev.preventDefault(); a.focus(); } }
    });
    list.addEventListener("keydown", function (ev) {
      var li = document.activeElement && document.activeElement.parentElement;
      if (!li) { return; }
      var next = ev.key === "ArrowDown" ? li.nextElementSibling : ev.key === "ArrowUp" ? li.previousElementSibling : null;
      if (next && next.querySelector("a")) { ev.preventDefault(); next.querySelector("a").focus(); }
    });
  }

  // ---- the drawing grows on click; export links follow what is drawn ----
  window.addEventListener("load", function () {
    var sg = window.stakegraph;
    if (!sg || !sg.network) { return; }
    var expanded = {}, seeds = [];
    function updateExports() {
      var links = document.querySelectorAll("a.export");
      var ids = sg.data.info.map(function (i) { return i.id; });
      links.forEach(function (a) {
        var u = new URL(a.href, location.href), fmt = u.searchParams.get("format");
        var around = u.searchParams.getAll("around");
        var p = new URLSearchParams();
        p.set("format", fmt);
        if (ids.length <= 200) { ids.forEach(function (i) { p.append("ids", i); }); }
        else { around.concat(seeds).forEach(function (i) { if (p.getAll("around").indexOf(i) < 0) { p.append("around", i); } }); }
        a.href = "/export?" + p.toString();
      });
    }
    sg.onNodeClick = function (id) {
      if (expanded[id]) { return; }
      expanded[id] = true;
      fetch(href("/graph", id), { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (more) {
          if (!more) { return; }
          seeds.push(id);
          sg.merge(more);
          updateExports();
          sg.expanded = (sg.expanded || 0) + 1;
        });
    };
  });
}());
