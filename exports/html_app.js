/* stakegraph HTML export: draws the embedded graph with vis-network. All text goes into the page as
   DOM text (textContent), never as markup; links are created only for http(s) URLs. */
(function () {
  "use strict";
  var t0 = performance.now();
  var data = JSON.parse(document.getElementById("stakegraph-data").textContent);
  var api = window.stakegraph = { ready: false, data: data };
  var byId = {};
  data.nodes.forEach(function (n, i) { byId[n.id] = data.info[i]; });

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function safeUrl(url) {
    if (typeof url !== "string") { return null; }
    try {
      var u = new URL(url);
      return (u.protocol === "http:" || u.protocol === "https:") ? u.href : null;
    } catch (e) { return null; }
  }
  function show(v) {
    if (Array.isArray(v)) { return v.map(show).join(" | "); }
    if (v === true) { return "yes"; }
    if (v === false) { return "no"; }
    return String(v);
  }
  function nameOf(id) { return byId[id] ? byId[id].name : id; }

  function evidence(box, props) {
    var srcs = props.sources || [], quotes = props.evidence || [];
    var n = Math.max(srcs.length, quotes.length);
    if (!n) { return; }
    box.appendChild(el("h2", "Evidence"));
    var ol = el("ol");
    for (var i = 0; i < n; i++) {
      var li = el("li");
      if (quotes[i]) { li.appendChild(el("q", quotes[i])); li.appendChild(document.createTextNode(" ")); }
      var sid = srcs[i], src = sid ? data.sources[sid] : null;
      if (sid) {
        var span = el("span", quotes[i] ? "— " : "", "src");
        var title = src ? (src.title || src.url || sid) : sid;
        var href = src ? safeUrl(src.url) : null;
        if (href) {
          var a = el("a", title);
          a.href = href; a.rel = "noopener noreferrer"; a.target = "_blank";
          span.appendChild(a);
        } else {
          span.appendChild(document.createTextNode(title));
        }
        var extra = src ? [src.publisher, src.published].filter(Boolean).join(", ") : "";
        if (extra) { span.appendChild(document.createTextNode(" (" + extra + ")")); }
        li.appendChild(span);
      }
      ol.appendChild(li);
    }
    box.appendChild(ol);
  }
  function propList(box, props, skip) {
    var dl = el("dl"), any = false;
    Object.keys(props).forEach(function (k) {
      if (skip.indexOf(k) >= 0) { return; }
      var v = props[k];
      if (k === "acting_for") { v = nameOf(v); }
      dl.appendChild(el("dt", k.replace(/_/g, " ")));
      dl.appendChild(el("dd", show(v)));
      any = true;
    });
    if (any) { box.appendChild(dl); }
  }
  var SKIP = ["sources", "evidence"];
  /** Tooltip element for a node id or an edge id ("e" + index). */
  function tooltip(kind, id) {
    var box = el("div", null, "tip");
    if (kind === "node") {
      var info = byId[id];
      if (!info) { return box; }
      box.appendChild(el("h3", info.name));
      box.appendChild(el("p", info.what, "what"));
      propList(box, info.props, SKIP);
      evidence(box, info.props);
    } else {
      var e = data.edgeInfo[Number(String(id).slice(1))];
      if (!e) { return box; }
      box.appendChild(el("h3", e.caption));
      box.appendChild(el("p", nameOf(e.from) + " → " + nameOf(e.to), "what"));
      propList(box, e.props, SKIP);
      evidence(box, e.props);
    }
    return box;
  }
  api.tooltip = tooltip;

  function legend() {
    var box = document.getElementById("legend");
    box.appendChild(el("h2", "Nodes"));
    var ul = el("ul");
    data.legend.nodes.forEach(function (g) {
      var li = el("li"), sw = el("span", null, "swatch " + g.shape);
      sw.style.background = g.color;
      li.appendChild(sw); li.appendChild(el("span", g.legend + " (" + g.count + ")"));
      ul.appendChild(li);
    });
    box.appendChild(ul);
    if (data.legend.edges.length) {
      box.appendChild(el("h2", "Lines"));
      ul = el("ul");
      data.legend.edges.forEach(function (g) {
        var li = el("li"), sw = el("span", null, "swatch line");
        sw.style.background = g.color;
        li.appendChild(sw); li.appendChild(el("span", g.legend + " (" + g.count + ")"));
        ul.appendChild(li);
      });
      box.appendChild(ul);
    }
  }
  legend();

  api.timing_parsed = performance.now();
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var network = new vis.Network(document.getElementById("graph"), { nodes: nodes, edges: edges }, data.options);
  api.network = network; api.nodes = nodes; api.edges = edges;
  api.timing = { start: t0, built: performance.now() };
  network.once("afterDrawing", function () { api.ready = true; api.timing.drawn = api.readyAt = performance.now(); });
  if (data.options.physics && data.options.physics.enabled) {
    network.once("stabilizationIterationsDone", function () { network.setOptions({ physics: { enabled: false } }); });
  }

  // Tooltips are built on first hover (thousands of nodes need no DOM until then).
  var titled = {};
  function ensureTitle(set, kind, id) {
    if (titled[kind + id]) { return; }
    titled[kind + id] = true;
    set.update({ id: id, title: tooltip(kind, id) });
  }
  network.on("hoverNode", function (p) { ensureTitle(nodes, "node", p.node); });
  network.on("hoverEdge", function (p) { ensureTitle(edges, "edge", p.edge); });

  var details = document.getElementById("details");
  function pin(kind, id) {
    details.textContent = "";
    details.appendChild(tooltip(kind, id));
  }
  network.on("click", function (p) {
    if (p.nodes.length) { pin("node", p.nodes[0]); } else if (p.edges.length) { pin("edge", p.edges[0]); }
  });

  // Search: accent- and case-insensitive match on name and aliases; Enter goes to the next match.
  function fold(s) {
    return String(s).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/ß/g, "ss").replace(/\s+/g, " ").trim();
  }
  var keys = null;
  function search(query) {
    if (!keys) {
      keys = data.info.map(function (info) { return [info.name].concat(info.props.aliases || []).map(fold); });
    }
    var q = fold(query), exact = [], prefix = [], inner = [];
    if (!q) { return []; }
    keys.forEach(function (ks, i) {
      if (ks.indexOf(q) >= 0) { exact.push(i); }
      else if (ks.some(function (k) { return k.indexOf(q) === 0; })) { prefix.push(i); }
      else if (ks.some(function (k) { return k.indexOf(q) > 0; })) { inner.push(i); }
    });
    return exact.concat(prefix, inner).map(function (i) { return data.nodes[i].id; });
  }
  api.search = search;
  var box = document.getElementById("search"), status = document.getElementById("search-status");
  var matches = [], at = -1;
  function go(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: { duration: 300 } });
    pin("node", id);
  }
  box.addEventListener("input", function () {
    matches = search(box.value); at = matches.length ? 0 : -1;
    status.textContent = box.value ? (matches.length ? "1 of " + matches.length : "no match") : "";
    if (at >= 0) { go(matches[0]); }
  });
  box.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && matches.length) {
      at = (at + 1) % matches.length;
      status.textContent = (at + 1) + " of " + matches.length;
      go(matches[at]);
    }
  });
}());
