/* stakegraph drawing: draws the embedded graph with vis-network (the HTML export, the explorer, notebooks).
   All text goes into the page as DOM text (textContent), each name isolated in a <bdi>; links are made
   only for http(s) URLs. vis-network sees node ids as numbers (the index in data.nodes), never the
   stakegraph ids: ids such as "constructor" or "__proto__" would hit its plain-object lookups. */
(function () {
  "use strict";
  var t0 = performance.now();
  var data = JSON.parse(document.getElementById("stakegraph-data").textContent);
  var api = window.stakegraph = { ready: false, data: data };
  var index = new Map();  // stakegraph id -> index in data.nodes / data.info
  data.info.forEach(function (info, i) { index.set(info.id, i); });

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function bdi(text) { return el("bdi", text); }
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
  function infoOf(id) {
    var i = typeof id === "number" ? id : index.get(String(id));
    return i === undefined ? null : data.info[i] || null;
  }
  function nameOf(id) { var info = infoOf(id); return info ? info.name : String(id); }

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
        var href = data.sourceLink ? data.sourceLink + encodeURIComponent(sid) : (src ? safeUrl(src.url) : null);
        if (href) {
          var a = el("a", title);
          a.href = href; a.rel = "noopener noreferrer";
          if (!data.sourceLink) { a.target = "_blank"; }
          span.appendChild(a);
        } else {
          span.appendChild(bdi(title));
        }
        var extra = src ? [src.publisher, src.published].filter(Boolean).join(", ") : "";
        if (extra) { span.appendChild(document.createTextNode(" (")); span.appendChild(bdi(extra)); span.appendChild(document.createTextNode(")")); }
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
      var dd = el("dd");
      dd.appendChild(bdi(show(v)));
      dl.appendChild(dd);
      any = true;
    });
    if (any) { box.appendChild(dl); }
  }
  var SKIP = ["sources", "evidence"];
  /** Tooltip element for a node (stakegraph id or drawing index) or an edge id ("e" + index). */
  function tooltip(kind, id) {
    var box = el("div", null, "tip");
    if (kind === "node") {
      var info = infoOf(id);
      if (!info) { return box; }
      var h = el("h3"); h.appendChild(bdi(info.name)); box.appendChild(h);
      box.appendChild(el("p", info.what, "what"));
      if (data.entityLink) {
        var p = el("p"), a = el("a", "Open the profile");
        a.href = data.entityLink + encodeURIComponent(info.id);
        p.appendChild(a); box.appendChild(p);
      }
      propList(box, info.props, SKIP);
      evidence(box, info.props);
    } else {
      var e = data.edgeInfo[Number(String(id).slice(1))];
      if (!e) { return box; }
      var h3 = el("h3"); h3.appendChild(bdi(e.caption)); box.appendChild(h3);
      var what = el("p", null, "what");
      what.appendChild(bdi(nameOf(e.from)));
      what.appendChild(document.createTextNode(" → "));
      what.appendChild(bdi(nameOf(e.to)));
      box.appendChild(what);
      propList(box, e.props, SKIP);
      evidence(box, e.props);
    }
    return box;
  }
  api.tooltip = tooltip;

  function swatchList(box, title, entries, cls) {
    if (!entries.length) { return; }
    box.appendChild(el("h2", title));
    var ul = el("ul");
    entries.forEach(function (g) {
      var li = el("li"), sw = el("span", null, "swatch " + (cls || g.shape));
      sw.style.background = g.color;
      li.appendChild(sw); li.appendChild(el("span", g.legend + " (" + g.count + ")"));
      ul.appendChild(li);
    });
    box.appendChild(ul);
  }
  var legendBox = document.getElementById("legend");
  if (legendBox) {
    swatchList(legendBox, "Nodes", data.legend.nodes);
    swatchList(legendBox, "Lines", data.legend.edges, "line");
  }

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
  /** The stakegraph ids of the selected nodes. */
  api.selected = function () {
    return network.getSelectedNodes().filter(function (i) { return typeof i === "number"; })
      .map(function (i) { return data.info[i].id; });
  };

  // Big graphs: vis-network draws no node labels; these are drawn instead at a readable size, best
  // connected first, selected ones before all, each only where it overlaps no label already drawn.
  // Zoomed out that leaves the hubs' names; zooming in makes room for more.
  var ranked = [];
  function rank() {
    ranked = data.nodes.map(function (n, i) { return i; })
      .sort(function (a, b) { return data.nodes[b].value - data.nodes[a].value || a - b; });
  }
  rank();
  var MAX_LABELS = data.labelCount || 150;
  network.on("afterDrawing", function (ctx) {
    if (!data.overlayLabels) { return; }
    var scale = network.getScale(), px = 13 / scale, pad = 3 / scale;
    var c = network.canvas.frame.canvas, lo = network.DOMtoCanvas({ x: 0, y: 0 });
    var hi = network.DOMtoCanvas({ x: c.clientWidth, y: c.clientHeight });
    var boxes = [], drawn = 0, body = network.body.nodes;
    var order = network.getSelectedNodes().concat(clusters, ranked);
    var seen = network.body.nodeIndices.filter(function (i) {
      var n = body[i]; return n.x >= lo.x && n.x <= hi.x && n.y >= lo.y && n.y <= hi.y;
    });
    if (seen.length <= 400) {  // few enough in view: labels keep off the nodes too
      seen.forEach(function (i) {
        var n = body[i], hw = (n.shape.width || 10) / 2, hh = (n.shape.height || 10) / 2;
        boxes.push([n.x - hw, n.y - hh, n.x + hw, n.y + hh]);
      });
    }
    var nodeBoxes = boxes.length, leafless = seen.length > 400;
    ctx.save();
    ctx.font = "600 " + px + "px system-ui, DejaVu Sans, sans-serif";
    ctx.textAlign = "center"; ctx.textBaseline = "top";
    ctx.lineWidth = 4 / scale; ctx.strokeStyle = "rgba(255,255,255,0.92)"; ctx.fillStyle = "#111";
    for (var r = 0; r < order.length && drawn < MAX_LABELS; r++) {
      var i = order[r], n = body[i];
      if (!n || hidden[i] || n.x < lo.x || n.x > hi.x || n.y < lo.y || n.y > hi.y) { continue; }
      // zoomed out on a big graph, a leaf's name is noise beside its hub's
      if (leafless && typeof i === "number" && data.nodes[i].value <= 2 && !n.selected) { continue; }
      var text = typeof i === "number" ? data.nodes[i].label : n.options.label;
      var w = ctx.measureText(text).width, h = px * 1.15, half = (n.shape.height || 10) / 2 + pad + 1 / scale;
      // below the node, else above, right, left: the first spot that overlaps no label drawn
      var spots = [[n.x, n.y + half, "center"], [n.x, n.y - half - h, "center"],
                   [n.x + (n.shape.width || 10) / 2 + pad + 2 / scale, n.y - h / 2, "left"], [n.x - (n.shape.width || 10) / 2 - pad - 2 / scale, n.y - h / 2, "right"]];
      spots.push([n.x, n.y + half, "center", true]);  // last: below, over other nodes but no label
      for (var sp = 0; sp < spots.length; sp++) {
        var x = spots[sp][0], y = spots[sp][1], al = spots[sp][2];
        var x0 = al === "center" ? x - w / 2 : al === "left" ? x : x - w;
        var b = [x0 - pad, y - pad, x0 + w + pad, y + h + pad], clash = false;
        for (var k = spots[sp][3] ? nodeBoxes : 0; k < boxes.length && !clash; k++) {
          var o = boxes[k];
          clash = b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3];
        }
        if (clash) { continue; }
        boxes.push(b); drawn++;
        ctx.textAlign = al;
        ctx.strokeText(text, x, y); ctx.fillText(text, x, y);
        break;
      }
    }
    ctx.restore();
    api.labelsDrawn = drawn;
  });
  var hidden = {};  // indexes inside a closed cluster

  // Tooltips are built on first hover (thousands of nodes need no DOM until then). Beyond a small
  // graph, an edge shows its label only while hovered.
  var titled = {};
  function ensureTitle(set, kind, id) {
    if (titled[kind + id]) { return; }
    titled[kind + id] = true;
    set.update({ id: id, title: tooltip(kind, id) });
  }
  network.on("hoverNode", function (p) { if (typeof p.node === "number") { ensureTitle(nodes, "node", p.node); } });
  network.on("hoverEdge", function (p) {
    var e = data.edgeInfo[Number(String(p.edge).slice(1))];
    if (!e) { return; }
    ensureTitle(edges, "edge", p.edge);
    if (!data.edgeLabels) { edges.update({ id: p.edge, label: e.short }); }
  });
  network.on("blurEdge", function (p) {
    if (!data.edgeLabels && edges.get(p.edge)) { edges.update({ id: p.edge, label: " " }); }
  });

  var details = document.getElementById("details");
  function pin(kind, id) {
    if (!details) { return; }
    details.textContent = "";
    details.appendChild(tooltip(kind, id));
  }
  network.on("click", function (p) {
    if (p.nodes.length && network.isCluster(p.nodes[0])) { openCluster(p.nodes[0]); return; }
    if (p.nodes.length) {
      pin("node", p.nodes[0]);
      if (api.onNodeClick) { api.onNodeClick(data.info[p.nodes[0]].id); }
    } else if (p.edges.length && String(p.edges[0]).charAt(0) === "e") { pin("edge", p.edges[0]); }
  });

  // Grouping: people with the organisation they are most tied to (or by place), one bubble each.
  var groupBox = document.getElementById("group");
  var clusters = [];
  var saved = {};  // where each clustered node was, to put it back there
  function openCluster(cid) {
    (network.getNodesInCluster(cid) || []).forEach(function (i) { delete hidden[i]; });
    network.openCluster(cid, { releaseFunction: function (at, children) {
      var out = {};
      Object.keys(children).forEach(function (k) { out[k] = saved[k] || children[k]; });
      return out;
    } });
    clusters = clusters.filter(function (c) { return c !== cid; });
  }
  function ungroup() {
    clusters.slice().forEach(function (c) { if (network.isCluster(c)) { openCluster(c); } });
    clusters = []; hidden = {};
  }
  function group(by) {
    ungroup();
    if (!by) { return; }
    var members = new Map();
    data.info.forEach(function (info, i) {
      var g = info.group ? info.group[by] : null;
      if (g === null || g === undefined) { return; }
      if (!members.has(g)) { members.set(g, []); }
      members.get(g).push(i);
    });
    var todo = [];
    members.forEach(function (list, g) { if (list.length >= 3) { todo.push([list, g]); } });
    todo.forEach(function (item, t) {
      var list = item[0], g = item[1];
      var lead = typeof g === "number" ? g : list[0];
      var label = (typeof g === "number" ? data.nodes[g].label : g) + " (" + list.length + ")";
      var set = {}; list.forEach(function (i) { set[i] = true; });
      Object.assign(saved, network.getPositions(list));
      var cid = "cluster:" + by + ":" + clusters.length;
      network.cluster({
        joinCondition: function (n) { return set[n.id] === true; },
        clusterNodeProperties: { id: cid, label: label, shape: "dot", value: list.length * 4,
                                 color: data.nodes[lead].color, borderWidth: 3, font: { size: 16 } },
      }, t === todo.length - 1);  // refresh the drawing once, after the last
      list.forEach(function (i) { hidden[i] = true; });
      clusters.push(cid);
    });
  }
  api.group = group;
  if (groupBox) { groupBox.addEventListener("change", function () { group(groupBox.value); }); }

  // Search: accent- and case-insensitive match on name and aliases; every match highlighted, Enter
  // centres the next one.
  function fold(s) {
    return String(s).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/ß/g, "ss").replace(/\s+/g, " ").trim();
  }
  var keys = null;
  function search(query) {
    if (!keys || keys.length !== data.info.length) {
      keys = data.info.map(function (info) { return [info.name].concat(info.props.aliases || []).map(fold); });
    }
    var q = fold(query), exact = [], prefix = [], inner = [];
    if (!q) { return []; }
    keys.forEach(function (ks, i) {
      if (ks.indexOf(q) >= 0) { exact.push(i); }
      else if (ks.some(function (k) { return k.indexOf(q) === 0; })) { prefix.push(i); }
      else if (ks.some(function (k) { return k.indexOf(q) > 0; })) { inner.push(i); }
    });
    function best(a, b) { return data.nodes[b].value - data.nodes[a].value || a - b; }  // hubs first
    return exact.sort(best).concat(prefix.sort(best), inner.sort(best)).map(function (i) { return data.info[i].id; });
  }
  api.search = search;
  function go(id, all) {
    var i = index.get(id);
    if (hidden[i]) {
      var c = network.findNode(i);
      if (c && c.length > 1) { openCluster(c[0]); }
    }
    var sel = (all || [id]).map(function (x) { return index.get(x); })
      .filter(function (x) { return !hidden[x] && network.body.nodes[x]; });
    network.selectNodes(sel.indexOf(i) >= 0 ? sel : [i].concat(sel));
    network.focus(i, { scale: Math.max(network.getScale(), data.overlayLabels ? 0.7 : 1.2), animation: { duration: 300 } });
    pin("node", i);
  }
  api.go = go;
  var box = document.getElementById("search"), status = document.getElementById("search-status");
  var matches = [], at = -1;
  if (box) {
    box.addEventListener("input", function () {
      matches = search(box.value); at = matches.length ? 0 : -1;
      status.textContent = box.value ? (matches.length ? "1 of " + matches.length : "no match") : "";
      if (at >= 0) { go(matches[0], matches.slice(0, 200)); } else { network.unselectAll(); }
    });
    box.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" && matches.length) {
        at = (at + 1) % matches.length;
        status.textContent = (at + 1) + " of " + matches.length;
        go(matches[at], matches.slice(0, 200));
      }
    });
  }

  /** Add the nodes and edges of another page_data (a neighbourhood fetched by the explorer). */
  api.merge = function (more) {
    var added = [];
    var map = more.info.map(function (info, j) {
      var i = index.get(info.id);
      if (i !== undefined) { return i; }
      added.push(j);
      i = data.info.length;
      index.set(info.id, i);
      data.info.push(info);
      var n = Object.assign({}, more.nodes[j], { id: i });
      data.nodes.push(n); nodes.add(n);
      return i;
    });
    added.forEach(function (j) {
      var info = more.info[j];
      if (info.group && typeof info.group.org === "number") {
        data.info[map[j]] = Object.assign({}, info, { group: Object.assign({}, info.group, { org: map[info.group.org] }) });
      }
    });
    var seen = new Set(data.edgeInfo.map(function (e) { return e.from + "\u0000" + e.to + "\u0000" + e.key; }));
    more.edgeInfo.forEach(function (e, j) {
      var k = e.from + "\u0000" + e.to + "\u0000" + e.key;
      if (seen.has(k)) { return; }
      seen.add(k);
      var id = "e" + data.edgeInfo.length, src = more.edges[j];
      data.edgeInfo.push(e);
      edges.add(Object.assign({}, src, { id: id, from: map[src.from], to: map[src.to] }));
    });
    Object.assign(data.sources, more.sources || {});
    rank();
  };
}());
