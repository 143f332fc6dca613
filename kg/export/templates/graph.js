/* grassroots-kg graph page: find, filter, explore and read the evidence over vis-network.
 *
 * Every string from the graph is untrusted.  It reaches the DOM only as text: el() below
 * appends strings as text nodes and sets textContent; nothing here assigns innerHTML.
 * vis-network is given neither a `title` nor a `label` (it renders a string title as
 * HTML): labels are drawn on the canvas by drawLabels() and tooltips by this file.
 *
 * Positions come with the page (computed at build time), so nothing moves by itself:
 * filters, clusters, focus and paths only add and remove items from the canvas.
 */
(function () {
  "use strict";

  // ------------------------------------------------------------------ data

  const PAGE = JSON.parse(document.getElementById("kg-page").textContent);
  const OPTIONS = PAGE.options;
  const ENTITIES = PAGE.entities; // index = vis node id
  const STATEMENTS = PAGE.statements; // index = vis edge id
  const SENTENCES = PAGE.sentences;
  const CLUSTERS = PAGE.clusters; // vis node id = ENTITIES.length + index
  const TYPE_ROWS = PAGE.types;
  const RELATION_ROWS = PAGE.relations;
  const TYPE_COLOUR = Object.fromEntries(TYPE_ROWS.map((r) => [r.name, r.colour]));
  const TYPE_SHAPE = Object.fromEntries(TYPE_ROWS.map((r) => [r.name, r.shape]));
  const RELATION_COLOUR = Object.fromEntries(RELATION_ROWS.map((r) => [r.name, r.colour]));
  const N = ENTITIES.length;
  const M = STATEMENTS.length;
  const CLUSTERED = PAGE.meta.clustered;
  const FONT = PAGE.meta.font;
  //: the project's schema and corrections format, as kg.export.html puts them in the page
  const SCHEMA = PAGE.schema;
  const PLACE_TYPES = new Set(SCHEMA.placeTypes);
  const MAX_SUGGESTIONS = 12;
  const TOOLTIP_EVIDENCE = 2;
  const DIM_OPACITY = 0.15;
  const MAX_LABELS = 400;
  const TABLE_PAGE = 300;
  //: a cluster opens by itself when it covers this many pixels of the screen
  const OPEN_RADIUS_PX = 260;
  //: past this many items on the canvas a selection enlarges its neighbourhood instead of
  //: dimming everything else (which would rewrite every item per click)
  const DIM_LIMIT = 500;
  const SIZE_BY = ["degree", "documents", "confidence", "uniform"];
  const COLOUR_BY = ["type", "degree", "documents", "confidence"];

  const state = {
    hiddenTypes: new Set(),
    hiddenRelations: new Set(),
    minConfidence: PAGE.meta.minConfidence || 0,
    dateFrom: null, // "YYYY-MM-DD" or null: the date range (see "dates" below)
    dateTo: null,
    undated: true, // keep what no dated document supports
    sizeBy: "degree",
    colourBy: "type",
    view: "graph",
    userHidden: new Set(), // entities hidden with "Hide"
    revealed: new Set(), // entities drawn though their cluster is closed
    openClusters: new Set(),
    focus: null, // {id, depth, set}
    pathStart: null,
    path: null, // {nodes: [...], edges: Set}
    selected: null, // {kind: "node" | "edge" | "based", id}
    shown: new Uint8Array(N + CLUSTERS.length),
    edgeShown: new Uint8Array(0),
    dimmed: new Map(), // vis id -> 1 while dimmed
    rings: null, // entities ringed on the canvas (the highlight of a large graph)
    labels: [], // the labels drawn in the last frame
    pointer: { x: 0, y: 0 },
    timings: { start: performance.now(), firstDraw: null, settled: null },
    lastPng: null,
    corrections: [], // pending lines: {key, action, fields, reason, line}
  };

  // adjacency ---------------------------------------------------------
  const outEdges = ENTITIES.map(() => []);
  const inEdges = ENTITIES.map(() => []);
  STATEMENTS.forEach((s, id) => {
    outEdges[s.s].push(id);
    inEdges[s.o].push(id);
  });
  /** basedIn edges: a body and the place its name names, unless a statement joins them. */
  const BASED = [];
  ENTITIES.forEach((e, i) => {
    if (e.based === null || e.based === undefined) return;
    const stated = outEdges[i].some((id) => STATEMENTS[id].o === e.based);
    if (!stated) BASED.push([i, e.based]);
  });
  const BASED_BASE = M; // vis edge id of BASED[k] = M + k
  const CLUSTER_EDGE_BASE = M + BASED.length; // vis edge id of cluster k's link to its head
  const EDGE_COUNT = CLUSTER_EDGE_BASE + CLUSTERS.length;
  state.edgeShown = new Uint8Array(EDGE_COUNT);
  const basedHere = ENTITIES.map(() => []);
  ENTITIES.forEach((e, i) => {
    if (e.based !== null && e.based !== undefined) basedHere[e.based].push(i);
  });
  const neighbours = ENTITIES.map(() => []);
  STATEMENTS.forEach((s) => {
    neighbours[s.s].push(s.o);
    neighbours[s.o].push(s.s);
  });
  BASED.forEach(([b, p]) => {
    neighbours[b].push(p);
    neighbours[p].push(b);
  });
  /** Places directly below each place (nearest step of their locatedIn chain). */
  const placeChildren = ENTITIES.map(() => []);
  ENTITIES.forEach((e, i) => {
    if (PLACE_TYPES.has(e.type) && e.chain.length && e.chain[0][0] !== null) {
      placeChildren[e.chain[0][0]].push(i);
    }
  });
  const byName = (a, b) => (ENTITIES[a].name < ENTITIES[b].name ? -1 : ENTITIES[a].name > ENTITIES[b].name ? 1 : a - b);
  placeChildren.forEach((list) => list.sort(byName));
  const labelOrder = Array.from(ENTITIES.keys()).sort((a, b) => ENTITIES[a].rank - ENTITIES[b].rank);
  /** The cluster each city or county heads: while it is closed, its bubble stands in its place. */
  const headCluster = new Int32Array(N).fill(-1);
  CLUSTERS.forEach((k, c) => {
    if (k.head !== null) headCluster[k.head] = c;
  });
  const idIndex = new Map(ENTITIES.map((e, i) => [e.id, i]));
  const maxDegree = Math.max(1, ...ENTITIES.map((e) => e.degree));
  const maxDocs = Math.max(1, ...ENTITIES.map((e) => e.docs));

  // ------------------------------------------------------------------ DOM helpers

  /** An element with text children only: strings become text nodes, never markup. */
  function el(tag, props, children) {
    const node = document.createElement(tag);
    if (props) {
      for (const key of Object.keys(props)) {
        if (key === "text") node.textContent = props[key];
        else if (key === "className") node.className = props[key];
        else node.setAttribute(key, props[key]);
      }
    }
    for (const child of children || []) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  }

  function byId(id) {
    return document.getElementById(id);
  }

  function button(text, onClick, props) {
    const b = el("button", Object.assign({ type: "button", text: text }, props || {}));
    b.addEventListener("click", onClick);
    return b;
  }

  /** Have the browser save what the page made itself (the PNG, the corrections): a blob: URL. */
  function saveBlob(blob, filename) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = filename;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 5000);
  }

  function fmt(value) {
    return value === null || value === undefined ? "—" : Number(value).toFixed(2);
  }

  function confidenceOf(item) {
    return item.confidence === null || item.confidence === undefined ? 0 : item.confidence;
  }

  function sentence(k) {
    return SENTENCES[k];
  }

  function headline(doc, article) {
    const info = PAGE.documents[doc];
    if (!info) return "";
    return info.headlines[String(article)] || info.title || "";
  }

  const SWATCH_POINTS = {
    hexagon: "8,1 14,4.5 14,11.5 8,15 2,11.5 2,4.5",
    diamond: "8,1 15,8 8,15 1,8",
    triangle: "8,1.5 15,14 1,14",
    triangleDown: "1,2 15,2 8,14.5",
    star: "8,1 9.8,6 15,6 10.8,9.2 12.4,14.5 8,11.3 3.6,14.5 5.2,9.2 1,6 6.2,6",
    square: "2,2 14,2 14,14 2,14",
  };

  /** A small SVG of a vis-network shape, for the legend. */
  function swatch(shape, colour) {
    const ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 16 16");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    svg.setAttribute("aria-hidden", "true");
    const points = SWATCH_POINTS[shape];
    const mark = document.createElementNS(ns, points ? "polygon" : "circle");
    if (points) mark.setAttribute("points", points);
    else {
      mark.setAttribute("cx", "8");
      mark.setAttribute("cy", "8");
      mark.setAttribute("r", "6.5");
    }
    mark.setAttribute("fill", colour);
    svg.append(mark);
    return svg;
  }

  function lineSwatch(colour, dashed) {
    const span = el("span", { className: "line-swatch" + (dashed ? " dashed" : ""), "aria-hidden": "true" });
    span.style.borderTopColor = colour;
    return span;
  }

  // ------------------------------------------------------------------ measures

  /** A colour from light to dark blue for a value in [0, 1]. */
  function ramp(t) {
    const v = Math.max(0, Math.min(1, t));
    const from = [222, 235, 247];
    const to = [8, 48, 107];
    const c = from.map((f, k) => Math.round(f + (to[k] - f) * v));
    return "rgb(" + c.join(",") + ")";
  }

  const MEASURES = {
    degree: (e) => Math.log1p(e.degree) / Math.log1p(maxDegree),
    documents: (e) => Math.log1p(e.docs) / Math.log1p(maxDocs),
    confidence: (e) => confidenceOf(e),
  };

  function colourOf(i) {
    const e = ENTITIES[i];
    if (state.colourBy === "type") return TYPE_COLOUR[e.type] || "#999999";
    return ramp(MEASURES[state.colourBy](e));
  }

  function sizeOf(i) {
    const e = ENTITIES[i];
    switch (state.sizeBy) {
      case "documents": return Math.min(10 + 4 * Math.sqrt(e.docs), 42);
      case "confidence": return 8 + 22 * confidenceOf(e);
      case "uniform": return 12;
      default: return e.size;
    }
  }

  function clusterSize(c) {
    return Math.min(120, 16 + 6 * Math.sqrt(CLUSTERS[c].count));
  }

  // ------------------------------------------------------------------ canvas items

  function nodeItem(i) {
    const colour = colourOf(i);
    return {
      id: i,
      x: ENTITIES[i].x,
      y: ENTITIES[i].y,
      shape: TYPE_SHAPE[ENTITIES[i].type] || "dot",
      size: sizeOf(i),
      borderWidth: 1,
      opacity: state.dimmed.get(i) === 1 ? DIM_OPACITY : 1,
      color: {
        background: colour,
        border: colour,
        highlight: { background: colour, border: "#111111" },
        hover: { background: colour, border: "#111111" },
      },
    };
  }

  function clusterItem(c) {
    const head = CLUSTERS[c].head;
    const colour = head !== null ? TYPE_COLOUR[ENTITIES[head].type] : "#8892a0";
    return {
      id: N + c,
      x: CLUSTERS[c].x,
      y: CLUSTERS[c].y,
      shape: "dot",
      size: clusterSize(c),
      borderWidth: 2,
      color: {
        background: "rgba(255,255,255,0.85)",
        border: colour,
        highlight: { background: "#ffffff", border: "#111111" },
        hover: { background: "#ffffff", border: "#111111" },
      },
    };
  }

  function edgeItem(id) {
    let from, to, relation, width, dashes = false;
    if (id < M) {
      const s = STATEMENTS[id];
      from = s.s;
      to = s.o;
      relation = s.relation;
      width = Math.round((1 + 2 * confidenceOf(s)) * 100) / 100;
    } else if (id < CLUSTER_EDGE_BASE) {
      [from, to] = BASED[id - BASED_BASE];
      relation = "basedIn";
      width = 1;
      dashes = [4, 4];
    } else {
      const c = id - CLUSTER_EDGE_BASE;
      return { id: id, from: N + c, to: clusterLink(c), color: { color: "#b8c0cc", opacity: 1 },
               width: 1.5, arrows: { to: { enabled: false } } };
    }
    const colour = RELATION_COLOUR[relation] || "#999999";
    const off = state.dimmed.get("e" + id) === 1;
    const on = state.path && state.path.edges.has(id);
    return {
      id: id, from: from, to: to, dashes: dashes, width: on ? width + 3 : width,
      color: { color: on ? "#111111" : colour, highlight: colour, hover: colour,
               opacity: off ? DIM_OPACITY : 1 },
    };
  }

  // ------------------------------------------------------------------ visibility

  function passes(i) {
    const e = ENTITIES[i];
    return !state.hiddenTypes.has(e.type) && confidenceOf(e) >= state.minConfidence && dateOk[i] === 1;
  }

  function clusterOpen(c) {
    while (c !== null && c !== undefined) {
      if (!state.openClusters.has(c)) return false;
      c = CLUSTERS[c].parent;
    }
    return true;
  }

  function inOpenCluster(i) {
    if (!CLUSTERED || state.revealed.has(i)) return true;
    const c = ENTITIES[i].cluster;
    if (c !== null && c !== undefined && !clusterOpen(c)) return false;
    return headCluster[i] < 0 || state.openClusters.has(headCluster[i]);
  }

  /** Open whatever keeps an entity off the canvas: its cluster and the one it heads. */
  function openFor(i) {
    const c = ENTITIES[i].cluster;
    for (let k = c; k !== null && k !== undefined; k = CLUSTERS[k].parent) state.openClusters.add(k);
    if (headCluster[i] >= 0) state.openClusters.add(headCluster[i]);
  }

  function entityShown(i) {
    if (!passes(i) || state.userHidden.has(i)) return false;
    if (state.focus) return state.focus.set.has(i);
    return inOpenCluster(i);
  }

  function clusterShown(c, live) {
    if (!CLUSTERED || state.focus || state.openClusters.has(c)) return false;
    const parent = CLUSTERS[c].parent;
    if (parent !== null && parent !== undefined && !clusterOpen(parent)) return false;
    return live[c] > 0 || (CLUSTERS[c].head !== null && passes(CLUSTERS[c].head));
  }

  function statementShown(id) {
    const s = STATEMENTS[id];
    return !state.hiddenRelations.has(s.relation) && confidenceOf(s) >= state.minConfidence &&
      statementDateOk[id] === 1 && state.shown[s.s] === 1 && state.shown[s.o] === 1;
  }

  function edgeShownNow(id) {
    if (id < M) return statementShown(id);
    if (id < CLUSTER_EDGE_BASE) {
      const [b, p] = BASED[id - BASED_BASE];
      return !state.hiddenRelations.has("basedIn") && state.shown[b] === 1 && state.shown[p] === 1;
    }
    const up = clusterLink(id - CLUSTER_EDGE_BASE);
    return up !== null && state.shown[N + id - CLUSTER_EDGE_BASE] === 1 && state.shown[up] === 1 &&
      up === clusterTarget[id - CLUSTER_EDGE_BASE];
  }

  /**
   * What a closed cluster's bubble is drawn joined to: the entity its head hangs from, or
   * that entity's own bubble while its cluster is closed (a city's bubble to its province's).
   */
  function clusterLink(c) {
    const head = CLUSTERS[c].head;
    if (head === null) return null;
    const up = ENTITIES[head].anchor;
    if (up === null || up === undefined) return null;
    const k = headCluster[up];
    return k >= 0 && state.shown[N + k] === 1 ? N + k : up;
  }

  /** Members of each cluster that pass the filters (a bubble of nothing is not drawn). */
  function liveCounts() {
    const live = new Int32Array(CLUSTERS.length);
    if (!CLUSTERED) return live;
    for (let i = 0; i < N; i++) {
      const c = ENTITIES[i].cluster;
      if (c !== null && c !== undefined && passes(i) && !state.userHidden.has(i)) {
        for (let k = c; k !== null && k !== undefined; k = CLUSTERS[k].parent) live[k]++;
      }
    }
    return live;
  }

  let liveByCluster = new Int32Array(CLUSTERS.length);
  const clusterTarget = new Array(CLUSTERS.length).fill(null);
  /** Bubbles are labelled biggest first. */
  const clusterOrder = Array.from(CLUSTERS.keys()).sort((a, b) => CLUSTERS[b].count - CLUSTERS[a].count || a - b);

  /** Bring the canvas in line with the state: add what should show, remove what should not. */
  function sync() {
    const addNodes = [];
    const removeNodes = [];
    liveByCluster = liveCounts();
    for (let i = 0; i < N; i++) {
      const on = entityShown(i) ? 1 : 0;
      if (on !== state.shown[i]) {
        state.shown[i] = on;
        if (on) addNodes.push(nodeItem(i));
        else removeNodes.push(i);
      }
    }
    for (let c = 0; c < CLUSTERS.length; c++) {
      const on = clusterShown(c, liveByCluster) ? 1 : 0;
      if (on !== state.shown[N + c]) {
        state.shown[N + c] = on;
        if (on) addNodes.push(clusterItem(c));
        else removeNodes.push(N + c);
      }
    }
    const addEdges = [];
    const removeEdges = [];
    for (let c = 0; c < CLUSTERS.length; c++) {
      const up = clusterLink(c);
      if (up !== clusterTarget[c] && state.edgeShown[CLUSTER_EDGE_BASE + c]) {
        state.edgeShown[CLUSTER_EDGE_BASE + c] = 0; // re-added below, joined to the new target
        removeEdges.push(CLUSTER_EDGE_BASE + c);
      }
      clusterTarget[c] = up;
    }
    for (let id = 0; id < EDGE_COUNT; id++) {
      const on = edgeShownNow(id) ? 1 : 0;
      if (on !== state.edgeShown[id]) {
        state.edgeShown[id] = on;
        if (on) addEdges.push(edgeItem(id));
        else removeEdges.push(id);
      }
    }
    if (removeEdges.length) edges.remove(removeEdges);
    if (removeNodes.length) nodes.remove(removeNodes);
    if (addNodes.length) nodes.add(addNodes);
    if (addEdges.length) edges.add(addEdges);
    updateCounts();
    updateStatus();
    saveHash();
  }

  /** Restyle everything on the canvas (after a change of size or colour measure). */
  function restyle() {
    const updates = [];
    for (let i = 0; i < N; i++) if (state.shown[i]) updates.push(nodeItem(i));
    nodes.update(updates);
    updateLegend();
    saveHash();
  }

  // ------------------------------------------------------------------ network

  const nodes = new vis.DataSet();
  const edges = new vis.DataSet();
  const container = byId("network");
  const network = new vis.Network(container, { nodes: nodes, edges: edges }, OPTIONS);

  // ------------------------------------------------------------------ labels

  /** Approximate width of a label in pixels: CJK glyphs are square, Latin ones narrower. */
  function textWidth(text, size) {
    let w = 0;
    for (const ch of text) w += ch.charCodeAt(0) > 0x2e80 ? size : size * 0.6;
    return w;
  }

  function labelText(id) {
    if (id < N) return ENTITIES[id].name || "(unnamed)";
    const k = CLUSTERS[id - N];
    return k.name + " (" + liveByCluster[id - N] + ")";
  }

  /**
   * Draw labels by level of detail: clusters, the selection and its neighbours first, then
   * entities in rank order (higher places and bigger hubs first); a label that would touch
   * one already drawn is skipped, so zooming in (which spreads the nodes) shows more.
   */
  /** A closed cluster's disc on screen: at least a few pixels whatever the zoom. */
  function bubbleRadiusPx(c) {
    return Math.max(clusterSize(c) * network.body.view.scale, Math.min(22, 5 + 1.6 * Math.sqrt(CLUSTERS[c].count)));
  }

  /** The bubble under a point of the canvas (pixels), if any: a click there opens it. */
  function bubbleAt(dom) {
    const view = network.body.view;
    let best = null;
    for (let c = 0; c < CLUSTERS.length; c++) {
      if (!state.shown[N + c]) continue;
      const dx = CLUSTERS[c].x * view.scale + view.translation.x - dom.x;
      const dy = CLUSTERS[c].y * view.scale + view.translation.y - dom.y;
      const d = Math.hypot(dx, dy);
      if (d <= bubbleRadiusPx(c) && (best === null || d < best[1])) best = [c, d];
    }
    return best === null ? null : best[0];
  }

  function drawBubbles(ctx) {
    if (!CLUSTERED) return;
    const scale = network.body.view.scale;
    ctx.save();
    ctx.lineWidth = 1.5 / scale;
    for (let c = 0; c < CLUSTERS.length; c++) {
      if (!state.shown[N + c]) continue;
      const head = CLUSTERS[c].head;
      const colour = head !== null ? TYPE_COLOUR[ENTITIES[head].type] : "#8892a0";
      ctx.beginPath();
      ctx.arc(CLUSTERS[c].x, CLUSTERS[c].y, bubbleRadiusPx(c) / scale, 0, 2 * Math.PI);
      ctx.globalAlpha = 0.18;
      ctx.fillStyle = colour;
      ctx.fill();
      ctx.globalAlpha = 0.9;
      ctx.strokeStyle = colour;
      ctx.stroke();
    }
    ctx.restore();
  }

  function drawRings(ctx) {
    if (!state.rings) return;
    const scale = network.body.view.scale;
    ctx.save();
    ctx.strokeStyle = "#111111";
    ctx.lineWidth = 2.5 / scale;
    for (const i of state.rings) {
      if (!state.shown[i]) continue;
      ctx.beginPath();
      ctx.arc(ENTITIES[i].x, ENTITIES[i].y, sizeOf(i) + 5 / scale, 0, 2 * Math.PI);
      ctx.stroke();
    }
    ctx.restore();
  }

  function drawLabels(ctx) {
    const view = network.body.view;
    const scale = view.scale;
    const tx = view.translation.x;
    const ty = view.translation.y;
    const W = container.clientWidth;
    const H = container.clientHeight;
    const cell = 48;
    const grid = new Map();
    const placed = [];
    const free = (r) => {
      for (let gx = Math.floor(r.x / cell); gx <= Math.floor((r.x + r.w) / cell); gx++) {
        for (let gy = Math.floor(r.y / cell); gy <= Math.floor((r.y + r.h) / cell); gy++) {
          for (const o of grid.get(gx + ":" + gy) || []) {
            if (r.x < o.x + o.w && o.x < r.x + r.w && r.y < o.y + o.h && o.y < r.y + r.h) return false;
          }
        }
      }
      return true;
    };
    const take = (r) => {
      placed.push(r);
      for (let gx = Math.floor(r.x / cell); gx <= Math.floor((r.x + r.w) / cell); gx++) {
        for (let gy = Math.floor(r.y / cell); gy <= Math.floor((r.y + r.h) / cell); gy++) {
          const key = gx + ":" + gy;
          if (!grid.has(key)) grid.set(key, []);
          grid.get(key).push(r);
        }
      }
    };
    const candidate = (id) => {
      if (!state.shown[id] || placed.length >= MAX_LABELS) return;
      const pos = id < N ? ENTITIES[id] : CLUSTERS[id - N];
      const px = pos.x * scale + tx;
      const py = pos.y * scale + ty;
      if (px < -100 || py < -40 || px > W + 100 || py > H + 40) return;
      const big = id >= N || (PLACE_TYPES.has(ENTITIES[id].type) && ENTITIES[id].chain.length < 3);
      const size = big ? 13 : 12;
      const text = labelText(id);
      const w = textWidth(text, size) + 4;
      const radius = id < N ? sizeOf(id) * scale : bubbleRadiusPx(id - N);
      const r = { id: id, text: text, size: size, bold: big,
                  x: px - w / 2, y: py + radius + 2, w: w, h: size + 4 };
      if (free(r)) take(r);
    };
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    const ratio = ctx.canvas.width / Math.max(W, 1);
    ctx.scale(ratio, ratio);
    // the titles of the groups of unrelated entities
    ctx.textBaseline = "top";
    for (const grp of PAGE.groups) {
      if (state.hiddenTypes.has(grp.type)) continue;
      const text = grp.type + " · " + grp.count + " with no relation";
      const r = { id: null, text: text, size: 14, bold: true, x: grp.x * scale + tx,
                  y: grp.y * scale + ty - 22 - 14 * scale, w: textWidth(text, 14), h: 18 };
      if (r.x > W || r.y > H || r.x + r.w < 0 || r.y + r.h < 0) continue;
      if (free(r)) take(r);
    }
    const first = [];
    if (state.selected && state.selected.kind === "node") {
      first.push(state.selected.id, ...neighbours[state.selected.id]);
    }
    if (state.path) first.push(...state.path.nodes);
    for (const id of first) candidate(id);
    for (const c of clusterOrder) candidate(N + c);
    for (let k = 0; k < labelOrder.length && placed.length < MAX_LABELS; k++) {
      candidate(labelOrder[k]);
    }
    for (const r of placed) {
      ctx.font = (r.bold ? "600 " : "") + r.size + "px " + FONT;
      ctx.lineJoin = "round";
      ctx.lineWidth = 3;
      ctx.strokeStyle = "rgba(255,255,255,0.92)";
      ctx.fillStyle = r.id === null ? "#52606d" : "#1f2933";
      ctx.textAlign = "left";
      ctx.strokeText(r.text, r.x + 2, r.y + 2);
      ctx.fillText(r.text, r.x + 2, r.y + 2);
    }
    ctx.restore();
    state.labels = placed.map((r) => ({ id: r.id, text: r.text, x: r.x, y: r.y, w: r.w, h: r.h }));
  }

  // ------------------------------------------------------------------ clusters

  function openCluster(c) {
    for (let k = c; k !== null && k !== undefined; k = CLUSTERS[k].parent) state.openClusters.add(k);
    sync();
    saveHash();
  }

  function collapseAll() {
    state.openClusters.clear();
    state.revealed.clear();
    sync();
  }

  let zoomTimer = null;

  /** Zooming in opens the clusters that now cover a good part of the screen. */
  function openClustersInView() {
    if (!CLUSTERED) return;
    const view = network.body.view;
    const W = container.clientWidth;
    const H = container.clientHeight;
    let opened = false;
    for (let c = 0; c < CLUSTERS.length; c++) {
      if (!state.shown[N + c]) continue;
      const k = CLUSTERS[c];
      const px = k.x * view.scale + view.translation.x;
      const py = k.y * view.scale + view.translation.y;
      if (px < 0 || py < 0 || px > W || py > H) continue;
      if (Math.max(k.radius, 40) * view.scale >= OPEN_RADIUS_PX) {
        state.openClusters.add(c);
        opened = true;
      }
    }
    if (opened) sync();
  }

  // ------------------------------------------------------------------ filters

  function filterRow(name, count, swatchNode, onChange) {
    const box = el("input", { type: "checkbox" });
    box.checked = true;
    box.dataset.name = name;
    box.addEventListener("change", () => onChange(box.checked));
    const countNode = el("span", { className: "count", text: String(count) });
    const label = el("label", null, [box, swatchNode, el("span", { text: name }), countNode]);
    return { item: el("li", null, [label]), countNode: countNode, box: box };
  }

  const typeCounts = new Map();
  const relationCounts = new Map();
  const typeBoxes = new Map();
  const relationBoxes = new Map();

  function buildFilters() {
    const typeList = byId("type-filters");
    for (const row of TYPE_ROWS) {
      const r = filterRow(row.name, row.count, swatch(row.shape, row.colour), (on) => {
        if (on) state.hiddenTypes.delete(row.name);
        else state.hiddenTypes.add(row.name);
        sync();
        refreshTable();
      });
      r.item.dataset.type = row.name;
      typeCounts.set(row.name, r.countNode);
      typeBoxes.set(row.name, r.box);
      typeList.append(r.item);
    }
    const relationList = byId("relation-filters");
    for (const row of RELATION_ROWS) {
      const r = filterRow(row.name, row.count, lineSwatch(row.colour, row.name === "basedIn"), (on) => {
        if (on) state.hiddenRelations.delete(row.name);
        else state.hiddenRelations.add(row.name);
        sync();
        refreshTable();
      });
      r.item.dataset.relation = row.name;
      if (row.name === "basedIn") r.item.title = "A body and the place its name names (not a statement)";
      relationCounts.set(row.name, r.countNode);
      relationBoxes.set(row.name, r.box);
      relationList.append(r.item);
    }
    const slider = byId("confidence");
    let pending = false;
    slider.addEventListener("input", () => {
      state.minConfidence = Number(slider.value);
      byId("confidence-value").textContent = fmt(state.minConfidence);
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        sync();
        refreshTable();
      });
    });
    const sizeSelect = byId("size-by");
    const colourSelect = byId("colour-by");
    for (const m of SIZE_BY) sizeSelect.append(el("option", { value: m, text: m }));
    for (const m of COLOUR_BY) colourSelect.append(el("option", { value: m, text: m }));
    sizeSelect.addEventListener("change", () => {
      state.sizeBy = sizeSelect.value;
      restyle();
    });
    colourSelect.addEventListener("change", () => {
      state.colourBy = colourSelect.value;
      restyle();
    });
  }

  /** Put the controls in line with the state (after reading the URL's hash). */
  function showControls() {
    for (const [name, box] of typeBoxes) box.checked = !state.hiddenTypes.has(name);
    for (const [name, box] of relationBoxes) box.checked = !state.hiddenRelations.has(name);
    byId("confidence").value = String(state.minConfidence);
    byId("confidence-value").textContent = fmt(state.minConfidence);
    byId("size-by").value = state.sizeBy;
    byId("colour-by").value = state.colourBy;
    showDateControls();
  }

  /** Counts beside each toggle: how many pass the confidence threshold. */
  function updateCounts() {
    const byType = new Map();
    ENTITIES.forEach((e, i) => {
      if (confidenceOf(e) >= state.minConfidence && dateOk[i]) byType.set(e.type, (byType.get(e.type) || 0) + 1);
    });
    for (const [name, node] of typeCounts) {
      const n = byType.get(name) || 0;
      node.textContent = String(n);
      node.parentElement.classList.toggle("empty", n === 0);
    }
    const byRelation = new Map([["basedIn", BASED.length]]);
    STATEMENTS.forEach((s, id) => {
      if (confidenceOf(s) >= state.minConfidence && statementDateOk[id]) {
        byRelation.set(s.relation, (byRelation.get(s.relation) || 0) + 1);
      }
    });
    for (const [name, node] of relationCounts) {
      const n = byRelation.get(name) || 0;
      node.textContent = String(n);
      node.parentElement.classList.toggle("empty", n === 0);
    }
  }

  function updateStatus() {
    let entities = 0;
    for (let i = 0; i < N; i++) entities += state.shown[i];
    let relations = 0;
    for (let id = 0; id < M; id++) relations += state.edgeShown[id];
    let bubbles = 0;
    for (let c = 0; c < CLUSTERS.length; c++) bubbles += state.shown[N + c];
    let text = "Showing " + entities + " of " + N + " entities and " + relations + " of " + M + " relations.";
    if (bubbles) text += " " + bubbles + " clusters closed: click or zoom in to open one.";
    if (state.focus) {
      const d = state.focus.depth;
      text += " Focused on " + ENTITIES[state.focus.id].name + " (" + d + (d === 1 ? " step)." : " steps).");
    }
    if (state.userHidden.size) text += " " + state.userHidden.size + " hidden by hand.";
    byId("status").textContent = text;
    byId("reset").hidden = !(state.focus || state.userHidden.size || state.path || state.revealed.size);
  }

  /** Say what the page leaves out: entities under the build's confidence floor or cap. */
  function showNotice() {
    const m = PAGE.meta;
    const parts = [];
    if (m.nodesCapped > 0) {
      const byType = Object.keys(m.leftOutByType)
        .map((t) => m.leftOutByType[t] + " " + t)
        .join(", ");
      parts.push(
        "Drawing the " + m.nodesDrawn + " most connected of " + (m.nodesDrawn + m.nodesCapped) +
        " entities (cap " + m.maxNodes + "); left out: " + byType + ", and " + m.edgesCapped +
        " relations that touch them."
      );
    }
    if (m.nodesBelowConfidence > 0 || m.edgesBelowConfidence > 0) {
      parts.push(
        m.nodesBelowConfidence + " entities and " + m.edgesBelowConfidence +
        " relations below confidence " + fmt(m.minConfidence) + " were left out when the page was built."
      );
    }
    if (parts.length) {
      const notice = byId("notice");
      notice.textContent = parts.join(" ");
      notice.hidden = false;
    }
  }

  function updateLegend() {
    const box = byId("measure-legend");
    if (state.colourBy === "type") {
      box.replaceChildren(el("span", { className: "muted", text: "Colour: entity type (see the list above)" }));
      return;
    }
    const bar = el("span", { className: "ramp", "aria-hidden": "true" });
    bar.style.background = "linear-gradient(to right, " + ramp(0) + ", " + ramp(1) + ")";
    const hi = { degree: maxDegree, documents: maxDocs, confidence: "1.00" }[state.colourBy];
    box.replaceChildren(
      el("span", { className: "muted", text: "Colour: " + state.colourBy + " " }),
      el("span", { text: state.colourBy === "confidence" ? "0.00" : "0" }), bar, el("span", { text: String(hi) })
    );
  }

  // ------------------------------------------------------------------ dates

  /**
   * The date range: a statement stays when one of its evidence sentences is dated within
   * the range (or is undated, while "Include undated" is on); an entity stays when one of
   * its mentions is, or one of its statements stays.  A sentence is dated by its article,
   * else by its document (the page's documents table); a statement with no evidence and an
   * entity with neither mentions nor statements count as undated.
   */
  const DATES = PAGE.meta.dates;
  const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
  //: past this many years the year buttons give way to the two date boxes alone
  const MAX_YEAR_BUTTONS = 16;

  /** The date an evidence sentence is read under: its article's, else its document's; "" if none. */
  function dateOf(doc, article) {
    const info = PAGE.documents[doc];
    if (!info) return "";
    return (info.dates && info.dates[String(article)]) || info.date || "";
  }

  /** Per statement the distinct dates of its evidence, sorted ("" for undated). */
  const statementDates = STATEMENTS.map((s) => {
    const found = new Set(s.evidence.map((k) => dateOf(SENTENCES[k][0], SENTENCES[k][1])));
    if (!found.size) found.add("");
    return Array.from(found).sort();
  });
  const dateOk = new Uint8Array(N).fill(1);
  const statementDateOk = new Uint8Array(M).fill(1);

  function firstDate(id) {
    return statementDates[id].find((d) => d !== "") || "";
  }

  function datesActive() {
    return state.dateFrom !== null || state.dateTo !== null || !state.undated;
  }

  function inDateRange(date) {
    if (date === "") return state.undated;
    return (state.dateFrom === null || date >= state.dateFrom) && (state.dateTo === null || date <= state.dateTo);
  }

  /** Recompute what the date range keeps (dateOk, statementDateOk). */
  function applyDates() {
    const on = datesActive();
    for (let id = 0; id < M; id++) statementDateOk[id] = !on || statementDates[id].some(inDateRange) ? 1 : 0;
    for (let i = 0; i < N; i++) {
      const own = ENTITIES[i].dates;
      const touching = outEdges[i].length + inEdges[i].length;
      let ok = !on || own.some(inDateRange) || (!own.length && !touching && state.undated);
      for (let k = 0; !ok && k < outEdges[i].length; k++) ok = statementDateOk[outEdges[i][k]] === 1;
      for (let k = 0; !ok && k < inEdges[i].length; k++) ok = statementDateOk[inEdges[i][k]] === 1;
      dateOk[i] = ok ? 1 : 0;
    }
  }

  function cleanDate(value) {
    return typeof value === "string" && ISO_DATE.test(value) ? value : null;
  }

  /** Set the range (null: open at that end) and redraw; for the controls, the hash and tests. */
  function setDates(from, to, undated) {
    state.dateFrom = cleanDate(from);
    state.dateTo = cleanDate(to);
    state.undated = undated !== false;
    applyDates();
    showDateControls();
    if (state.selected && state.selected.kind === "node" && !dateOk[state.selected.id]) clearSelection();
    sync();
    refreshTable();
    if (state.selected && state.selected.kind === "node") selectNode(state.selected.id, false);
    else if (state.selected && state.selected.kind === "edge") selectEdge(state.selected.id);
  }

  /** Clear the range when it keeps `i` off the canvas (a search hit must be seen). */
  function revealDates(i) {
    if (dateOk[i]) return false;
    state.dateFrom = null;
    state.dateTo = null;
    state.undated = true;
    applyDates();
    return true;
  }

  function yearsPresent() {
    const years = new Set();
    for (const info of Object.values(PAGE.documents)) {
      if (info.date) years.add(info.date.slice(0, 4));
      for (const d of Object.values(info.dates || {})) years.add(d.slice(0, 4));
    }
    return Array.from(years).sort();
  }

  function buildDates() {
    const controls = byId("date-controls");
    if (DATES.first === null) {
      controls.hidden = true;
      for (const input of controls.querySelectorAll("input, button")) input.disabled = true;
      byId("date-note").textContent = "No document has a date: there is nothing to filter by.";
      return;
    }
    const from = byId("date-from");
    const to = byId("date-to");
    for (const input of [from, to]) {
      input.min = DATES.first;
      input.max = DATES.last;
      input.addEventListener("change", () => setDates(from.value, to.value, byId("date-undated").checked));
    }
    byId("date-undated").addEventListener("change", (ev) => setDates(state.dateFrom, state.dateTo, ev.target.checked));
    byId("date-all").addEventListener("click", () => setDates(null, null, true));
    const years = yearsPresent();
    const box = byId("date-years");
    if (years.length > 1 && years.length <= MAX_YEAR_BUTTONS) {
      for (const y of years) {
        box.append(button(y, () => setDates(y + "-01-01", y + "-12-31", state.undated),
                          { "data-year": y, "aria-pressed": "false", title: "Only " + y }));
      }
    } else box.hidden = true;
  }

  /** Put the date controls in line with the state, and say what the range keeps. */
  function showDateControls() {
    if (DATES.first === null) return;
    byId("date-from").value = state.dateFrom || "";
    byId("date-to").value = state.dateTo || "";
    byId("date-undated").checked = state.undated;
    for (const b of byId("date-years").querySelectorAll("button")) {
      const y = b.dataset.year;
      b.setAttribute("aria-pressed", state.dateFrom === y + "-01-01" && state.dateTo === y + "-12-31" ? "true" : "false");
    }
    const note = byId("date-note");
    const span = DATES.first === DATES.last ? DATES.first : DATES.first + " – " + DATES.last;
    let text = DATES.documents + " dated " + (DATES.documents === 1 ? "document" : "documents") + ", " + span;
    if (DATES.undatedDocuments) text += "; " + DATES.undatedDocuments + " undated";
    text += ".";
    const backwards = state.dateFrom !== null && state.dateTo !== null && state.dateFrom > state.dateTo;
    if (backwards) text += " The range ends before it starts: nothing is dated in it.";
    note.textContent = text;
    note.classList.toggle("warning", backwards);
  }

  function dateHash(p) {
    if (state.dateFrom !== null) p.set("from", state.dateFrom);
    if (state.dateTo !== null) p.set("to", state.dateTo);
    if (!state.undated) p.set("undated", "0");
  }

  function loadDateHash(p) {
    if (DATES.first === null) return;
    state.dateFrom = cleanDate(p.get("from"));
    state.dateTo = cleanDate(p.get("to"));
    state.undated = p.get("undated") !== "0";
    applyDates();
  }

  /**
   * An evidence sentence's source: its date, its document and its article's headline (or
   * the document's title).  On a page where nothing is dated the date is left out.
   */
  function evidenceCite(doc, article) {
    const date = dateOf(doc, article);
    const head = headline(doc, article);
    const source = doc + (head ? " · " + head : "");
    if (DATES.first === null) return el("cite", { text: source });
    return el("cite", null, [
      date ? el("time", { datetime: date, text: date }) : el("span", { className: "undated", text: "undated" }),
      " · " + source,
    ]);
  }

  /** An evidence item outside the date range is dimmed (its statement stays for another). */
  function evidenceDateProps(doc, article) {
    if (!datesActive() || inDateRange(dateOf(doc, article))) return null;
    return { className: "out-of-range", title: "Outside the date range" };
  }

  // ------------------------------------------------------------------ URL hash

  let hashTimer = null;

  /** The view as the URL's hash: filters, measures, view, selection, focus. */
  function hashOf() {
    const p = new URLSearchParams();
    for (const t of Array.from(state.hiddenTypes).sort()) p.append("hide", t);
    for (const r of Array.from(state.hiddenRelations).sort()) p.append("hiderel", r);
    if (state.minConfidence > 0) p.set("min", String(state.minConfidence));
    dateHash(p);
    if (state.sizeBy !== "degree") p.set("size", state.sizeBy);
    if (state.colourBy !== "type") p.set("colour", state.colourBy);
    if (state.view !== "graph") p.set("view", state.view);
    if (state.selected && state.selected.kind === "node") p.set("node", ENTITIES[state.selected.id].id);
    if (state.focus) {
      p.set("focus", ENTITIES[state.focus.id].id);
      p.set("depth", String(state.focus.depth));
    }
    return p.toString();
  }

  function saveHash() {
    if (hashTimer !== null) return;
    hashTimer = setTimeout(() => {
      hashTimer = null;
      const h = hashOf();
      if (location.hash.slice(1) !== h) history.replaceState(null, "", h ? "#" + h : location.pathname + location.search);
    }, 50);
  }

  /** Read the hash into the state; unknown names and values are ignored. */
  function loadHash() {
    const p = new URLSearchParams(location.hash.slice(1));
    const types = new Set(TYPE_ROWS.map((r) => r.name));
    const relations = new Set(RELATION_ROWS.map((r) => r.name));
    state.hiddenTypes = new Set(p.getAll("hide").filter((t) => types.has(t)));
    state.hiddenRelations = new Set(p.getAll("hiderel").filter((r) => relations.has(r)));
    const min = Number(p.get("min"));
    if (p.has("min") && min >= 0 && min <= 1) state.minConfidence = min;
    loadDateHash(p);
    if (SIZE_BY.includes(p.get("size"))) state.sizeBy = p.get("size");
    if (COLOUR_BY.includes(p.get("colour"))) state.colourBy = p.get("colour");
    if (p.get("view") === "table") state.view = "table";
    const focus = idIndex.get(p.get("focus"));
    const depth = Math.max(1, Math.min(4, Number(p.get("depth")) || 1));
    return { node: idIndex.get(p.get("node")), focus: focus, depth: depth };
  }

  // ------------------------------------------------------------------ search

  const searchKeys = ENTITIES.map((e) => [e.name, ...e.aliases].map((s) => s.toLowerCase()));

  /** Entities whose name or an alias contains the query: exact, then prefix, then infix. */
  function search(query, limit) {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const hits = [];
    for (let i = 0; i < N; i++) {
      const keys = searchKeys[i];
      let best = Infinity;
      for (let j = 0; j < keys.length; j++) {
        const at = keys[j].indexOf(q);
        if (at < 0) continue;
        const rank = (keys[j] === q ? 0 : at === 0 ? 2 : 4) + (j === 0 ? 0 : 1);
        if (rank < best) best = rank;
      }
      if (best < Infinity) hits.push([best, -ENTITIES[i].degree, ENTITIES[i].name, i]);
    }
    hits.sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : a[3] - b[3]));
    return hits.slice(0, limit || MAX_SUGGESTIONS).map((h) => h[3]);
  }

  const searchBox = byId("search");
  const suggestionList = byId("suggestions");
  let suggestions = [];
  let active = -1;

  /** The places above an entity: its locatedIn chain, or for a body the place in its name. */
  function placesOf(e) {
    return e.chain.length ? e.chain : e.namedAfter || [];
  }

  function placeOf(i) {
    const chain = placesOf(ENTITIES[i]);
    return chain.length ? chain[chain.length - 1][1] + (chain.length > 1 ? " · " + chain[0][1] : "") : "";
  }

  function renderSuggestions() {
    suggestionList.replaceChildren();
    suggestions.forEach((i, k) => {
      const e = ENTITIES[i];
      const q = searchBox.value.trim().toLowerCase();
      const viaAlias = e.name.toLowerCase().indexOf(q) < 0
        ? e.aliases.find((a) => a.toLowerCase().indexOf(q) >= 0)
        : null;
      const item = el("li", { role: "option", "aria-selected": k === active ? "true" : "false" }, [
        el("span", { className: "name", text: e.name }),
        viaAlias ? el("span", { className: "muted", text: "(" + viaAlias + ")" }) : null,
        el("span", { className: "where", text: e.type + (placeOf(i) ? " · " + placeOf(i) : "") }),
      ]);
      item.addEventListener("mousedown", (ev) => {
        ev.preventDefault(); // keep focus in the box until the choice is made
        choose(i);
      });
      suggestionList.append(item);
    });
    suggestionList.hidden = suggestions.length === 0;
    searchBox.setAttribute("aria-expanded", suggestions.length ? "true" : "false");
  }

  function closeSuggestions() {
    suggestions = [];
    active = -1;
    renderSuggestions();
  }

  /** Select an entity from anywhere (search, a link, the table, the place tree). */
  function choose(i) {
    closeSuggestions();
    searchBox.value = ENTITIES[i].name;
    reveal(i);
    selectNode(i, true);
  }

  /** Make sure an entity is drawn: its type on, the slider low enough, its cluster open. */
  function reveal(i) {
    const e = ENTITIES[i];
    let changed = false;
    if (state.hiddenTypes.has(e.type)) {
      state.hiddenTypes.delete(e.type);
      changed = true;
    }
    if (confidenceOf(e) < state.minConfidence) {
      state.minConfidence = confidenceOf(e);
      changed = true;
    }
    if (state.userHidden.delete(i)) changed = true;
    if (revealDates(i)) changed = true;
    if (state.focus && !state.focus.set.has(i)) {
      state.focus = null;
      changed = true;
    }
    if (CLUSTERED && !inOpenCluster(i)) {
      openFor(i);
      changed = true;
    }
    if (changed) {
      showControls();
      sync();
    }
  }

  function buildSearch() {
    searchBox.addEventListener("input", () => {
      suggestions = search(searchBox.value);
      active = suggestions.length ? 0 : -1;
      renderSuggestions();
    });
    searchBox.addEventListener("keydown", (ev) => {
      if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
        if (!suggestions.length) return;
        ev.preventDefault();
        const step = ev.key === "ArrowDown" ? 1 : -1;
        active = (active + step + suggestions.length) % suggestions.length;
        renderSuggestions();
      } else if (ev.key === "Enter") {
        ev.preventDefault();
        const list = suggestions.length ? suggestions : search(searchBox.value, 1);
        if (list.length) choose(list[Math.max(active, 0)]);
      } else if (ev.key === "Escape") {
        closeSuggestions();
      }
    });
    searchBox.addEventListener("blur", closeSuggestions);
  }

  // ------------------------------------------------------------------ explore

  /** Entities within `depth` steps of `start` (statements and basedIn, either direction). */
  function neighbourhood(start, depth) {
    const seen = new Set([start]);
    let frontier = [start];
    for (let d = 0; d < depth; d++) {
      const next = [];
      for (const i of frontier) {
        for (const j of neighbours[i]) {
          if (!seen.has(j)) {
            seen.add(j);
            next.push(j);
          }
        }
      }
      frontier = next;
    }
    return seen;
  }

  /** The shortest chain of relations between two entities, or null (breadth first). */
  function shortestPath(a, b) {
    const prev = new Map([[a, -1]]);
    const queue = [a];
    for (let k = 0; k < queue.length; k++) {
      const i = queue[k];
      if (i === b) break;
      for (const j of neighbours[i]) {
        if (!prev.has(j)) {
          prev.set(j, i);
          queue.push(j);
        }
      }
    }
    if (!prev.has(b)) return null;
    const path = [];
    for (let i = b; i !== -1; i = prev.get(i)) path.push(i);
    return path.reverse();
  }

  function edgeBetween(a, b) {
    for (const id of outEdges[a]) if (STATEMENTS[id].o === b) return id;
    for (const id of inEdges[a]) if (STATEMENTS[id].s === b) return id;
    for (let k = 0; k < BASED.length; k++) {
      const [x, y] = BASED[k];
      if ((x === a && y === b) || (x === b && y === a)) return BASED_BASE + k;
    }
    return null;
  }

  function expand(i) {
    for (const j of neighbours[i]) {
      state.userHidden.delete(j);
      state.revealed.add(j);
      if (state.focus) state.focus.set.add(j);
      const e = ENTITIES[j];
      if (state.hiddenTypes.has(e.type)) state.hiddenTypes.delete(e.type);
    }
    showControls();
    sync();
    selectNode(i, false);
  }

  function hide(i) {
    state.userHidden.add(i);
    if (state.selected && state.selected.id === i) clearSelection();
    sync();
  }

  function focusOn(i, depth) {
    state.focus = { id: i, depth: depth, set: neighbourhood(i, depth) };
    sync();
    network.fit({ nodes: Array.from(state.focus.set).filter((j) => state.shown[j]), animation: false });
    selectNode(i, false);
  }

  function showPath(a, b) {
    const found = shortestPath(a, b);
    state.pathStart = null;
    if (!found) {
      state.path = { nodes: [], edges: new Set(), from: a, to: b };
      selectNode(b, false);
      return;
    }
    const edgeIds = new Set();
    for (let k = 1; k < found.length; k++) {
      const id = edgeBetween(found[k - 1], found[k]);
      if (id !== null) edgeIds.add(id);
    }
    state.path = { nodes: found, edges: edgeIds, from: a, to: b };
    for (const j of found) {
      state.userHidden.delete(j);
      state.revealed.add(j);
      if (state.focus) state.focus.set.add(j);
      state.hiddenTypes.delete(ENTITIES[j].type);
    }
    showControls();
    sync();
    edges.update(Array.from(edgeIds).filter((id) => state.edgeShown[id]).map(edgeItem));
    network.fit({ nodes: found, animation: false });
    selectNode(b, false);
  }

  /** Undo every hide, focus, path and expansion. */
  function resetExploration() {
    const pathEdges = state.path ? Array.from(state.path.edges) : [];
    state.userHidden.clear();
    state.focus = null;
    state.path = null;
    state.pathStart = null;
    state.revealed.clear();
    sync();
    edges.update(pathEdges.filter((id) => state.edgeShown[id]).map(edgeItem));
    if (state.selected && state.selected.kind === "node") selectNode(state.selected.id, false);
  }

  // ------------------------------------------------------------------ selection

  function selectNode(i, focus) {
    state.selected = { kind: "node", id: i };
    showPanel(entityPanel(i));
    if (state.shown[i]) network.selectNodes([i]);
    else network.unselectAll();
    if (focus && state.shown[i]) {
      network.moveTo({ position: { x: ENTITIES[i].x, y: ENTITIES[i].y },
                       scale: Math.max(network.getScale(), 1.1), animation: false });
    }
    const near = new Set([i, ...neighbours[i]]);
    const touching = new Set([...outEdges[i], ...inEdges[i]]);
    BASED.forEach(([b, p], k) => {
      if (b === i || p === i) touching.add(BASED_BASE + k);
    });
    highlight(near, touching);
    saveHash();
    network.body.emitter.emit("_requestRedraw"); // the new selection's labels and rings
  }

  function selectEdge(id) {
    const s = STATEMENTS[id];
    state.selected = { kind: "edge", id: id };
    // a statement whose edge the filters hide (or that is not drawn) still has its panel;
    // only an edge on the canvas can be selected there
    if (state.edgeShown[id]) network.setSelection({ nodes: [], edges: [id] }, { highlightEdges: false });
    else network.unselectAll();
    showPanel(statementPanel(id));
    highlight(new Set([s.s, s.o]), new Set([id]));
    saveHash();
  }

  function selectBased(k) {
    const [b, p] = BASED[k];
    state.selected = { kind: "based", id: k };
    showPanel([
      el("p", { className: "kicker", text: "basedIn" }),
      el("h2", { text: ENTITIES[b].name + " basedIn " + ENTITIES[p].name }),
      facts([["Body", entityLink(b)], ["Place", entityLink(p)]]),
      el("p", { className: "muted note", text: "Read from the body's name when the graph was built; no sentence states it." }),
    ]);
    highlight(new Set([b, p]), new Set([BASED_BASE + k]));
  }

  function clearSelection() {
    state.selected = null;
    network.unselectAll();
    highlight(null, null);
    byId("panel").hidden = true;
    network.setSize("100%", "100%"); // the canvas takes the panel's room back at once
    saveHash();
  }

  /**
   * Highlight a neighbourhood: with few items on the canvas, dim everything else; with
   * many, ring the neighbourhood on the canvas (vis-network's data is left alone: every
   * change to it costs in proportion to everything drawn).
   */
  function highlight(nodeSet, edgeSet) {
    const drawn = nodes.length;
    const nodeUpdates = [];
    const edgeUpdates = [];
    const wanted = new Map();
    state.rings = null;
    if (nodeSet !== null) {
      if (drawn <= DIM_LIMIT) {
        for (const id of nodes.getIds()) if (id < N && !nodeSet.has(id)) wanted.set(id, 1);
        for (const id of edges.getIds()) if (!edgeSet.has(id) && id < CLUSTER_EDGE_BASE) wanted.set("e" + id, 1);
      } else {
        state.rings = Array.from(nodeSet); // drawn by drawRings: no change to vis's data
      }
    }
    for (const key of new Set([...state.dimmed.keys(), ...wanted.keys()])) {
      const before = state.dimmed.get(key) || 0;
      const after = wanted.get(key) || 0;
      if (before === after) continue;
      if (after) state.dimmed.set(key, after);
      else state.dimmed.delete(key);
      if (typeof key === "string") {
        const id = Number(key.slice(1));
        if (state.edgeShown[id]) edgeUpdates.push(edgeItem(id));
      } else if (state.shown[key]) {
        nodeUpdates.push(nodeItem(key));
      }
    }
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
  }

  // ------------------------------------------------------------------ panel

  /** Open the side panel; the canvas shrinks now, so a focus that follows centres truly. */
  function showPanel(children) {
    const panel = byId("panel");
    byId("panel-body").replaceChildren(...children.filter(Boolean));
    panel.scrollTop = 0;
    if (panel.hidden) {
      panel.hidden = false;
      network.setSize("100%", "100%");
    }
  }

  /** A name that selects its entity when clicked, or plain text when it is not on the page. */
  function entityLink(i, name) {
    if (i === null || i === undefined) return el("span", { text: name });
    return button(name || ENTITIES[i].name, () => choose(i), { className: "link" });
  }

  function facts(rows) {
    const dl = el("dl");
    for (const [term, value] of rows) {
      dl.append(el("dt", { text: term }), el("dd", null, [value]));
    }
    return dl;
  }

  function evidenceList(refs) {
    return el(
      "ol",
      { className: "evidence" },
      refs.map((k) => {
        const [doc, article, text] = sentence(k);
        return el("li", evidenceDateProps(doc, article), [
          el("blockquote", { text: text }),
          evidenceCite(doc, article),
        ]);
      })
    );
  }

  function statementLine(id, from) {
    const s = STATEMENTS[id];
    const side = (i) => (i === from ? el("strong", { text: ENTITIES[i].name }) : entityLink(i));
    const details = button("statement", () => selectEdge(id), { className: "link meta" });
    const meta = [
      s.role ? "role " + s.role : null,
      "confidence " + fmt(s.confidence),
      s.evidence.length + " evidence",
    ].filter(Boolean);
    const fix = factCorrection(id);
    return el("li", null, [
      el("div", { className: "line" }, [side(s.s), el("span", { className: "rel", text: "—" + s.relation + "→" }), side(s.o)]),
      el("div", { className: "meta" }, [meta.join(" · ") + " · ", details, fix ? " · " : null, fix ? fix.button : null]),
      fix ? fix.slot : null,
      evidenceList(s.evidence),
    ]);
  }

  /**
   * What can be done from an entity's panel.  Each action is {id, label, group?, title?,
   * when?, run}; the panel draws one button per action whose `when` holds, explore actions
   * in one toolbar and corrections ("correct") in another.  Add a button here, nowhere else.
   */
  const ACTIONS = [
    { id: "expand", label: "Expand neighbours", run: (i) => expand(i) },
    { id: "hide", label: "Hide", run: (i) => hide(i) },
    { id: "focus", label: "Focus", run: (i) => focusOn(i, Number(byId("focus-depth").value) || 1) },
    { id: "path-from", label: "Path from here…", when: (i) => state.pathStart !== i,
      run: (i) => { state.pathStart = i; selectNode(i, false); } },
    { id: "path-to", label: "Shortest path to here", when: (i) => state.pathStart !== null && state.pathStart !== i,
      run: (i) => showPath(state.pathStart, i) },
    { id: "reject-entity", group: "correct", label: "Wrong", when: correctable,
      title: "No such entity (a heading, a fragment): leave it and its facts out of the next build",
      run: (i) => openCorrection("reject-entity", CORRECTION_FORMS["reject-entity"](i), byId("correction-slot")) },
    { id: "merge", group: "correct", label: "Same as…", when: correctable,
      title: "The same person, body, place or practice as another entity of this type",
      run: (i) => openCorrection("merge", CORRECTION_FORMS.merge(i), byId("correction-slot")) },
    { id: "rename", group: "correct", label: "Rename", when: correctable,
      title: "Set the canonical name; the old one stays an alias",
      run: (i) => openCorrection("rename", CORRECTION_FORMS.rename(i), byId("correction-slot")) },
    { id: "retype", group: "correct", label: "Retype", when: correctable,
      title: "It is another type of entity",
      run: (i) => openCorrection("retype", CORRECTION_FORMS.retype(i), byId("correction-slot")) },
  ];

  function actionBar(i) {
    const bar = el("div", { className: "actions-bar", role: "toolbar", "aria-label": "Explore" });
    const fix = el("div", { className: "actions-bar correct", role: "toolbar", "aria-label": "Correct" },
                   [el("span", { className: "muted", text: "Correct:" })]);
    for (const action of ACTIONS) {
      if (action.when && !action.when(i)) continue;
      const b = button(action.label, () => action.run(i), { "data-action": action.id });
      if (action.title) b.title = action.title;
      if (action.group === "correct") {
        fix.append(b);
        continue;
      }
      bar.append(b);
      if (action.id === "focus") {
        const depth = el("select", { id: "focus-depth", "aria-label": "Steps" });
        for (const d of [1, 2, 3]) depth.append(el("option", { value: String(d), text: d + (d === 1 ? " step" : " steps") }));
        if (state.focus) depth.value = String(state.focus.depth);
        bar.append(depth);
      }
    }
    if (state.pathStart !== null && state.pathStart !== i) {
      bar.append(el("p", { className: "muted note", text: "Path starts at " + ENTITIES[state.pathStart].name + "." }));
    }
    if (!correctable(i)) {
      fix.append(el("span", { className: "muted note", text: "A corrections line cannot name this entity: " +
        "another " + ENTITIES[i].type + " has its name and no document or place tells them apart." }));
    }
    return [bar, fix, el("div", { id: "correction-slot", className: "correction-slot" })];
  }

  function chainSection(e) {
    if (e.chain.length) {
      return [
        el("h3", { text: "Located in" }),
        el("ol", { className: "chain" }, e.chain.map(([j, name, type]) => el("li", { title: type }, [entityLink(j, name)]))),
      ];
    }
    if (e.namedAfter) {
      return [
        el("h3", { text: "Named after" }),
        el("ol", { className: "chain named-after" }, e.namedAfter.map(([j, name, type]) =>
          el("li", { title: type }, [entityLink(j, name)]))),
        el("p", { className: "muted note", text: "Read from the name; no statement places this body." }),
      ];
    }
    return [];
  }

  /** The bodies in a place: based there (by name) or located there (by a statement). */
  function bodiesIn(i) {
    const found = new Set(basedHere[i]);
    for (const id of inEdges[i]) {
      const s = STATEMENTS[id];
      if (s.relation === "locatedIn" && ENTITIES[s.s].type === "Organization") found.add(s.s);
    }
    return Array.from(found).sort(byName);
  }

  function leadersOf(body) {
    return inEdges[body].filter((id) => STATEMENTS[id].relation === "leads");
  }

  function bodiesSection(i) {
    const bodies = bodiesIn(i);
    if (!bodies.length) return [];
    return [
      el("h3", { text: "Bodies based here (" + bodies.length + ")" }),
      el("ul", { className: "bodies" }, bodies.map((b) => {
        const leaders = leadersOf(b).map((id) => {
          const fix = factCorrection(id);
          return el("li", null, [
            entityLink(STATEMENTS[id].s),
            STATEMENTS[id].role ? el("span", { className: "muted", text: " " + STATEMENTS[id].role }) : null,
            fix ? " " : null, fix ? fix.button : null, fix ? fix.slot : null,
          ]);
        });
        return el("li", null, [entityLink(b), leaders.length ? el("ul", { className: "leaders" }, leaders) : null]);
      })),
    ];
  }

  /** Places below a place (itself included) and the bodies in each. */
  function placeAndBelow(i) {
    const places = [i];
    for (let k = 0; k < places.length; k++) places.push(...placeChildren[places[k]]);
    const subjects = new Set(places);
    for (const p of places) for (const b of bodiesIn(p)) subjects.add(b);
    return { places: places, subjects: subjects };
  }

  function mechanismsSection(i) {
    const { subjects } = placeAndBelow(i);
    const here = new Map(); // mechanism -> implementers
    for (const subject of subjects) {
      for (const id of outEdges[subject]) {
        const s = STATEMENTS[id];
        if (s.relation !== "implements") continue;
        if (!here.has(s.o)) here.set(s.o, new Set());
        here.get(s.o).add(subject);
      }
    }
    if (!here.size) return [];
    const rows = Array.from(here.entries()).sort((a, b) => b[1].size - a[1].size || byName(a[0], b[0]));
    return [
      el("h3", { text: "Mechanisms implemented here and below (" + rows.length + ")" }),
      el("ul", { className: "mechanisms" }, rows.map(([m, by]) => el("li", null, [
        entityLink(m),
        el("span", { className: "muted", text: " — by " + by.size + (by.size === 1 ? " place or body" : " places or bodies") }),
      ]))),
    ];
  }

  /** The county an entity lies in (the nearest county of its chain), or the nearest place. */
  function countyOf(i) {
    const e = ENTITIES[i];
    if (e.type === "County") return [i, e.name];
    const chain = placesOf(e);
    for (const [j, name, type] of chain) if (type === "County") return [j, name];
    return chain.length ? [chain[chain.length - 1][0], chain[chain.length - 1][1] + " (no county known)"] : [null, "No place known"];
  }

  function implementedSection(i) {
    const ids = inEdges[i].filter((id) => STATEMENTS[id].relation === "implements");
    if (!ids.length) return [];
    const groups = new Map();
    const factOf = new Map(); // implementer -> its implements statement
    for (const id of ids) {
      const [county, name] = countyOf(STATEMENTS[id].s);
      const key = name + "\u0000" + county;
      if (!groups.has(key)) groups.set(key, { county: county, name: name, subjects: [] });
      groups.get(key).subjects.push(STATEMENTS[id].s);
      factOf.set(STATEMENTS[id].s, id);
    }
    const rows = Array.from(groups.values()).sort((a, b) => b.subjects.length - a.subjects.length ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return [
      el("h3", { text: "Implemented in " + rows.length + (rows.length === 1 ? " county" : " counties") + " (" + ids.length + ")" }),
      el("ul", { className: "by-county" }, rows.map((g) => el("li", null, [
        el("div", null, [entityLink(g.county, g.name), el("span", { className: "count", text: " " + g.subjects.length })]),
        el("ul", null, Array.from(new Set(g.subjects)).sort(byName).map((s) => {
          const fix = factCorrection(factOf.get(s));
          return el("li", null, [entityLink(s), fix ? " " : null, fix ? fix.button : null, fix ? fix.slot : null]);
        })),
      ]))),
    ];
  }

  function pathSection(i) {
    const p = state.path;
    if (!p || (p.to !== i && p.from !== i)) return [];
    if (!p.nodes.length) {
      return [el("h3", { text: "Shortest path" }),
              el("p", { className: "muted", text: "No chain of relations joins " + ENTITIES[p.from].name + " and " + ENTITIES[p.to].name + "." })];
    }
    return [
      el("h3", { text: "Shortest path (" + (p.nodes.length - 1) + " steps)" }),
      el("ol", { className: "path" }, p.nodes.map((j) => el("li", null, [entityLink(j), el("span", { className: "muted", text: " " + ENTITIES[j].type })]))),
    ];
  }

  function statementsSection(i) {
    const out = [];
    for (const row of RELATION_ROWS) {
      const ids = outEdges[i].concat(inEdges[i]).filter((id) => STATEMENTS[id].relation === row.name);
      if (!ids.length) continue;
      out.push(el("h3", { text: row.name + " (" + ids.length + ")" }));
      out.push(el("ul", { className: "statement" }, ids.map((id) => statementLine(id, i))));
    }
    return out;
  }

  function mentionsSection(i) {
    const e = ENTITIES[i];
    if (!e.mentionCount) return [];
    const more = e.mentionCount > e.mentions.length ? " — first " + e.mentions.length : "";
    return [el("h3", { text: "Mentions (" + e.mentionCount + ")" + more }), evidenceList(e.mentions)];
  }

  /** The entity panel, section by section; each section returns a list of elements. */
  const ENTITY_SECTIONS = [
    (i) => {
      const e = ENTITIES[i];
      return [
        el("p", { className: "kicker", text: e.type }),
        el("h2", { text: e.name }),
        ...actionBar(i),
        facts([
          ["Type", e.type],
          ["Canonical name", e.name],
          ["Aliases", e.aliases.length ? e.aliases.join("、") : "—"],
          ["Adcode", e.adcode || "—"],
          ["Confidence", fmt(e.confidence)],
          ["Documents", String(e.docs)],
          ["Id", e.id],
        ]),
      ];
    },
    pathSection,
    (i) => chainSection(ENTITIES[i]),
    (i) => (PLACE_TYPES.has(ENTITIES[i].type) ? bodiesSection(i) : []),
    (i) => (PLACE_TYPES.has(ENTITIES[i].type) ? mechanismsSection(i) : []),
    (i) => (ENTITIES[i].type === "Mechanism" ? implementedSection(i) : []),
    statementsSection,
    mentionsSection,
  ];

  function entityPanel(i) {
    return ENTITY_SECTIONS.flatMap((section) => section(i));
  }

  function statementPanel(id) {
    const s = STATEMENTS[id];
    const fix = factCorrection(id);
    return [
      el("p", { className: "kicker", text: "Statement" }),
      el("h2", { text: ENTITIES[s.s].name + " " + s.relation + " " + ENTITIES[s.o].name }),
      fix ? el("div", { className: "actions-bar correct", role: "toolbar", "aria-label": "Correct" },
               [el("span", { className: "muted", text: "Correct:" }), fix.button]) : null,
      fix ? fix.slot : null,
      facts([
        ["Subject", entityLink(s.s)],
        ["Relation", s.relation],
        ["Role", s.role || "—"],
        ["Object", entityLink(s.o)],
        ["Confidence", fmt(s.confidence)],
      ]),
      el("h3", { text: "Evidence (" + s.evidence.length + ")" }),
      evidenceList(s.evidence),
    ];
  }

  // ------------------------------------------------------------------ corrections

  /*
   * The panel's "Wrong", "Same as…", "Rename" and "Retype" write lines for the corrections
   * file (kg.curate.parse): each needs a reason and an author (remembered in this browser),
   * goes on the pending list, and "Download corrections" saves the list as a .tsv for
   * `kg build --corrections FILE`.  Nothing leaves the page but that download.  Entities
   * are named by their `ref` (kg.curate.match.line_refs), which finds them again; one
   * without a ref (namesakes nothing tells apart) is offered no correction.
   */
  const AUTHOR_KEY = "kg-corrections-author";
  const WHITESPACE = new Set(Array.from(SCHEMA.whitespace));
  const MAX_PICKS = 8;
  let openSlot = null; // the slot holding the one open correction form

  /** White space runs made one space, the ends trimmed: Python's " ".join(text.split()). */
  function squash(text) {
    const words = [];
    let word = "";
    for (const ch of String(text)) {
      if (WHITESPACE.has(ch)) {
        if (word) words.push(word);
        word = "";
      } else word += ch;
    }
    if (word) words.push(word);
    return words.join(" ");
  }

  /** One corrections line, byte for byte as kg.curate.parse.format_line writes it. */
  function formatLine(action, fields, author, date, reason) {
    const kinds = SCHEMA.actions[action];
    if (!kinds || kinds.length !== fields.length) throw new Error("no " + action + " line with " + fields.length + " fields");
    return [action, ...fields, author, date, reason].map(squash).join("\t");
  }

  /** Today in this browser's time zone, YYYY-MM-DD. */
  function today() {
    const d = new Date();
    const two = (n) => String(n).padStart(2, "0");
    return String(d.getFullYear()).padStart(4, "0") + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }

  function storedAuthor() {
    try {
      return window.localStorage.getItem(AUTHOR_KEY) || "";
    } catch (e) {
      return ""; // storage turned off: the field is simply empty
    }
  }

  function storeAuthor(name) {
    try {
      if (name) window.localStorage.setItem(AUTHOR_KEY, name);
    } catch (e) {
      // storage turned off: the name is kept for this form only
    }
  }

  function correctable(i) {
    return ENTITIES[i].ref !== null && ENTITIES[i].ref !== undefined;
  }

  function labelled(text, control) {
    return el("label", { className: "field" }, [el("span", { text: text }), control]);
  }

  function textInput(field, props) {
    return el("input", Object.assign({ type: "text", "data-field": field, autocomplete: "off", spellcheck: "false" }, props || {}));
  }

  /** Why each type would not do for entity i: its facts could not join it any more. */
  function retypeBlocked(i) {
    const blocked = new Map();
    for (const t of SCHEMA.entityTypes) {
      for (const id of outEdges[i].concat(inEdges[i])) {
        const s = STATEMENTS[id];
        const ends = SCHEMA.relationEnds[s.relation];
        if (!ends) continue;
        if ((s.s === i && !ends[0].includes(t)) || (s.o === i && !ends[1].includes(t))) {
          blocked.set(t, "reject its " + s.relation + " facts first");
          break;
        }
      }
    }
    return blocked;
  }

  /**
   * What each entity action asks for.  A form spec is {title, note?, inputs, focus?,
   * fields()}: fields() gives the line's fields, or a string saying what is missing.
   */
  const CORRECTION_FORMS = {
    "reject-entity": (i) => ({
      title: "Wrong: " + ENTITIES[i].ref,
      note: "The next build leaves this entity and its facts out.",
      inputs: [],
      fields: () => [ENTITIES[i].ref],
    }),
    merge: (i) => {
      const e = ENTITIES[i];
      let chosen = null;
      const query = el("input", { type: "search", "data-field": "other", autocomplete: "off", spellcheck: "false",
                                  placeholder: "Find the other " + e.type + "…" });
      const picks = el("ul", { className: "picks", role: "listbox", "aria-label": "Entities" });
      const picked = el("p", { className: "picked muted", text: "No entity chosen yet." });
      const keep = el("input", { type: "checkbox", "data-field": "keep-this" });
      const choosePick = (j) => {
        chosen = j;
        picked.textContent = "Same as " + ENTITIES[j].ref + (placeOf(j) ? " (" + placeOf(j) + ")" : "");
        picked.classList.remove("muted");
        picks.replaceChildren();
      };
      const hits = () => search(query.value, N)
        .filter((j) => j !== i && ENTITIES[j].type === e.type && correctable(j)).slice(0, MAX_PICKS);
      query.addEventListener("input", () => {
        picks.replaceChildren(...hits().map((j) => el("li", null, [
          button(ENTITIES[j].ref, () => choosePick(j), { className: "link", "data-pick": String(j) }),
          placeOf(j) ? el("span", { className: "muted", text: " " + placeOf(j) }) : null,
        ])));
      });
      query.addEventListener("keydown", (ev) => {
        if (ev.key !== "Enter") return;
        ev.preventDefault(); // Enter picks the first hit, it does not add the line
        const first = hits()[0];
        if (first !== undefined) choosePick(first);
      });
      return {
        title: "Same as…: " + e.ref,
        note: "Its mentions and facts join the other " + e.type + "; the name given up stays as an alias.",
        inputs: [labelled("The other " + e.type, query), picks, picked,
                 el("label", { className: "check" }, [keep, el("span", { text: "Keep this name (" + e.name + ") as the canonical one" })])],
        focus: query,
        fields: () => {
          if (chosen === null) return "Find and choose the other " + e.type + " first.";
          return keep.checked ? [ENTITIES[chosen].ref, e.ref] : [e.ref, ENTITIES[chosen].ref];
        },
      };
    },
    rename: (i) => {
      const e = ENTITIES[i];
      const name = textInput("name");
      return {
        title: "Rename: " + e.ref,
        note: "The new name becomes the canonical one; " + e.name + " stays as an alias.",
        inputs: [labelled("New name", name)],
        focus: name,
        fields: () => {
          const v = squash(name.value);
          if (!v) return "Type the new name.";
          if (v === squash(e.name)) return "That is its name already.";
          return [e.ref, v];
        },
      };
    },
    retype: (i) => {
      const e = ENTITIES[i];
      const blocked = retypeBlocked(i);
      const select = el("select", { "data-field": "type" }, [el("option", { value: "", text: "Choose a type…" })]);
      for (const t of SCHEMA.entityTypes) {
        if (t === e.type) continue;
        const option = el("option", { value: t, text: t + (blocked.has(t) ? " — " + blocked.get(t) : "") });
        option.disabled = blocked.has(t);
        select.append(option);
      }
      return {
        title: "Retype: " + e.ref,
        inputs: [labelled("New type", select)],
        focus: select,
        fields: () => (select.value ? [e.ref, select.value] : "Choose the new type."),
      };
    },
  };

  /** A fact's "Wrong" button and the slot its form opens in; null if a line cannot name both ends. */
  function factCorrection(id) {
    if (id === undefined || id === null) return null;
    const s = STATEMENTS[id];
    if (!correctable(s.s) || !correctable(s.o)) return null;
    const slot = el("div", { className: "correction-slot" });
    const spec = () => ({
      title: "Wrong: " + ENTITIES[s.s].ref + " " + s.relation + " " + ENTITIES[s.o].ref,
      note: "The next build leaves this fact out; its entities stay.",
      inputs: [],
      fields: () => [ENTITIES[s.s].ref, s.relation, ENTITIES[s.o].ref],
    });
    const b = button("Wrong", () => openCorrection("reject-fact", spec(), slot),
                     { className: "link correct", "data-action": "reject-fact", "data-statement": String(id),
                       title: "This fact is wrong: leave it out of the next build" });
    return { button: b, slot: slot };
  }

  function closeCorrection() {
    if (openSlot) openSlot.replaceChildren();
    openSlot = null;
  }

  /** Open the form of one correction in `slot`: its own inputs, then author and reason. */
  function openCorrection(action, spec, slot) {
    closeCorrection();
    const author = textInput("author");
    author.value = storedAuthor();
    const reason = textInput("reason", { spellcheck: "true" });
    const problem = el("p", { className: "form-error", role: "alert" });
    const form = el("form", { className: "correction-form", "data-form": action }, [
      el("p", { className: "form-title", text: spec.title }),
      spec.note ? el("p", { className: "muted note", text: spec.note }) : null,
      ...spec.inputs,
      labelled("Reason", reason),
      labelled("Author", author),
      problem,
      el("div", { className: "form-buttons" }, [
        el("button", { type: "submit", text: "Add correction", "data-submit": action }),
        button("Cancel", closeCorrection),
      ]),
    ]);
    author.addEventListener("change", () => storeAuthor(squash(author.value)));
    form.addEventListener("keydown", (ev) => {
      if (ev.key === "Escape") closeCorrection();
    });
    form.addEventListener("submit", (ev) => {
      ev.preventDefault(); // nothing is sent anywhere: the line goes on the pending list
      const fields = spec.fields();
      const who = squash(author.value);
      const why = squash(reason.value);
      let wrong = typeof fields === "string" ? fields : null;
      if (!wrong && !why) wrong = "Say why (Reason): every correction gives its reason.";
      if (!wrong && !who) wrong = "Say who you are (Author): every correction names its author.";
      if (!wrong) wrong = addCorrection(action, fields, who, why);
      if (wrong) {
        problem.textContent = wrong;
        return;
      }
      storeAuthor(who);
      openSlot = null;
      slot.replaceChildren(el("p", { className: "muted note added",
        text: "Added to the corrections (" + state.corrections.length + " pending): download them from the list on the left." }));
    });
    slot.replaceChildren(form);
    openSlot = slot;
    (spec.focus || reason).focus();
  }

  /** Put a line on the pending list; a string says why not. */
  function addCorrection(action, fields, author, reason) {
    const shown = fields.map(squash);
    const key = [action, ...shown].join("\t");
    if (state.corrections.some((c) => c.key === key)) return "This correction is on the list already.";
    state.corrections.push({ key: key, action: action, fields: shown, reason: reason,
                             line: formatLine(action, fields, author, today(), reason) });
    renderCorrections();
    return null;
  }

  function removeCorrection(k) {
    state.corrections.splice(k, 1);
    renderCorrections();
  }

  function renderCorrections() {
    const list = byId("corrections-list");
    list.replaceChildren(...state.corrections.map((c, k) => el("li", { "data-line": String(k) }, [
      el("span", { className: "what", text: c.action + " " + c.fields.join(" ") }),
      el("span", { className: "muted", text: " — " + c.reason + " " }),
      button("Remove", () => removeCorrection(k), { className: "link", "data-remove": String(k) }),
    ])));
    const n = state.corrections.length;
    byId("corrections-count").textContent = String(n);
    byId("corrections").hidden = n === 0;
  }

  /** The pending lines as a .tsv the browser downloads: lines for the corrections file. */
  function downloadCorrections() {
    if (!state.corrections.length) return;
    const text = state.corrections.map((c) => c.line + "\n").join("");
    saveBlob(new Blob([text], { type: "text/tab-separated-values;charset=utf-8" }), "corrections-" + today() + ".tsv");
  }

  function buildCorrections() {
    byId("corrections-download").addEventListener("click", downloadCorrections);
    // leaving the page would lose the pending lines: the browser asks first
    window.addEventListener("beforeunload", (ev) => {
      if (state.corrections.length) ev.preventDefault();
    });
    renderCorrections();
  }

  // ------------------------------------------------------------------ place tree

  function placeNode(i) {
    const kids = placeChildren[i];
    const label = [entityLink(i), el("span", { className: "muted", text: " " + ENTITIES[i].type + (kids.length ? " · " + kids.length : "") })];
    if (!kids.length) return el("li", { className: "leaf" }, label);
    const details = el("details", null, [el("summary", null, label)]);
    details.addEventListener("toggle", () => {
      if (details.open && details.children.length === 1) {
        details.append(el("ul", null, kids.map(placeNode)));
      }
    }, { once: false });
    return el("li", null, [details]);
  }

  function buildPlaceTree() {
    const roots = [];
    ENTITIES.forEach((e, i) => {
      if (PLACE_TYPES.has(e.type) && (!e.chain.length || e.chain[0][0] === null)) roots.push(i);
    });
    roots.sort((a, b) => ENTITIES[a].rank - ENTITIES[b].rank);
    const list = byId("place-tree");
    list.replaceChildren(...roots.map(placeNode));
    // the top level open: provinces show their cities at once
    for (const d of list.querySelectorAll(":scope > li > details")) d.open = true;
  }

  // ------------------------------------------------------------------ table

  const table = { kind: "entities", sort: "name", asc: true, shown: TABLE_PAGE, filter: "" };

  const ENTITY_COLUMNS = [
    ["name", "Name", (i) => ENTITIES[i].name],
    ["type", "Type", (i) => ENTITIES[i].type],
    ["place", "Place", (i) => placeOf(i)],
    ["confidence", "Confidence", (i) => confidenceOf(ENTITIES[i])],
    ["docs", "Documents", (i) => ENTITIES[i].docs],
    ["degree", "Degree", (i) => ENTITIES[i].degree],
  ];
  const FACT_COLUMNS = [
    ["subject", "Subject", (id) => ENTITIES[STATEMENTS[id].s].name],
    ["relation", "Relation", (id) => STATEMENTS[id].relation],
    ["object", "Object", (id) => ENTITIES[STATEMENTS[id].o].name],
    ["role", "Role", (id) => STATEMENTS[id].role || ""],
    ["confidence", "Confidence", (id) => confidenceOf(STATEMENTS[id])],
    ["docs", "Documents", (id) => STATEMENTS[id].docs],
    ["date", "First date", (id) => firstDate(id)],
  ];

  function tableRows() {
    const q = table.filter.trim().toLowerCase();
    if (table.kind === "entities") {
      const rows = [];
      for (let i = 0; i < N; i++) {
        if (!passes(i)) continue;
        if (q && !searchKeys[i].some((k) => k.indexOf(q) >= 0) && placeOf(i).toLowerCase().indexOf(q) < 0 &&
            ENTITIES[i].type.toLowerCase().indexOf(q) < 0) continue;
        rows.push(i);
      }
      return rows;
    }
    const rows = [];
    for (let id = 0; id < M; id++) {
      const s = STATEMENTS[id];
      if (state.hiddenRelations.has(s.relation) || confidenceOf(s) < state.minConfidence || !statementDateOk[id]) continue;
      if (!passes(s.s) || !passes(s.o)) continue;
      if (q && ![ENTITIES[s.s].name, ENTITIES[s.o].name, s.relation, s.role || ""].some((t) => t.toLowerCase().indexOf(q) >= 0)) continue;
      rows.push(id);
    }
    return rows;
  }

  function refreshTable() {
    if (state.view !== "table") return;
    const columns = table.kind === "entities" ? ENTITY_COLUMNS : FACT_COLUMNS;
    const column = columns.find((c) => c[0] === table.sort) || columns[0];
    const rows = tableRows();
    const value = column[2];
    rows.sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const order = x < y ? -1 : x > y ? 1 : a - b;
      return table.asc ? order : -order;
    });
    const head = el("tr", null, columns.map(([key, title]) => {
      const th = el("th", { scope: "col", "data-key": key,
                            "aria-sort": key === column[0] ? (table.asc ? "ascending" : "descending") : "none" });
      th.append(button(title + (key === column[0] ? (table.asc ? " ▲" : " ▼") : ""), () => {
        table.asc = table.sort === key ? !table.asc : true;
        table.sort = key;
        refreshTable();
      }, { className: "sort" }));
      return th;
    }));
    const body = rows.slice(0, table.shown).map((r) => {
      const tr = el("tr", { tabindex: "0", "data-row": String(r) }, columns.map(([key, , get]) => {
        const v = get(r);
        return el("td", { text: key === "confidence" ? fmt(v) : String(v) });
      }));
      const open = () => (table.kind === "entities" ? choose(r) : selectEdge(r));
      tr.addEventListener("click", open);
      tr.addEventListener("keydown", (ev) => { if (ev.key === "Enter") open(); });
      return tr;
    });
    byId("table").replaceChildren(el("thead", null, [head]), el("tbody", null, body));
    byId("table-count").textContent = "Showing " + Math.min(rows.length, table.shown) + " of " + rows.length + " " + table.kind + ".";
    byId("table-more").hidden = rows.length <= table.shown;
  }

  function setView(view) {
    state.view = view;
    byId("network").hidden = view !== "graph";
    byId("table-view").hidden = view !== "table";
    byId("tab-graph").setAttribute("aria-selected", view === "graph" ? "true" : "false");
    byId("tab-table").setAttribute("aria-selected", view === "table" ? "true" : "false");
    if (view === "table") refreshTable();
    else network.setSize("100%", "100%");
    saveHash();
  }

  function buildTable() {
    byId("tab-graph").addEventListener("click", () => setView("graph"));
    byId("tab-table").addEventListener("click", () => setView("table"));
    for (const kind of ["entities", "facts"]) {
      byId("table-" + kind).addEventListener("click", () => {
        table.kind = kind;
        table.sort = kind === "entities" ? "name" : "subject";
        table.asc = true;
        table.shown = TABLE_PAGE;
        byId("table-entities").setAttribute("aria-pressed", kind === "entities" ? "true" : "false");
        byId("table-facts").setAttribute("aria-pressed", kind === "facts" ? "true" : "false");
        refreshTable();
      });
    }
    byId("table-filter").addEventListener("input", (ev) => {
      table.filter = ev.target.value;
      table.shown = TABLE_PAGE;
      refreshTable();
    });
    byId("table-more").addEventListener("click", () => {
      table.shown += TABLE_PAGE;
      refreshTable();
    });
  }

  // ------------------------------------------------------------------ picture

  /** The current view with its legend, as a PNG the browser downloads. */
  function savePng() {
    if (state.view !== "graph") {
      setView("graph"); // the picture is of the graph, whichever view is open
      network.redraw();
    }
    const source = container.querySelector("canvas");
    const ratio = source.width / Math.max(container.clientWidth, 1);
    const legendWidth = Math.round(230 * ratio);
    const out = document.createElement("canvas");
    out.width = source.width + legendWidth;
    out.height = source.height;
    const ctx = out.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(source, 0, 0);
    ctx.save();
    ctx.translate(source.width, 0);
    ctx.scale(ratio, ratio);
    ctx.fillStyle = "#f5f7fa";
    ctx.fillRect(0, 0, 230, out.height / ratio);
    ctx.textBaseline = "middle";
    let y = 22;
    const line = (text, bold) => {
      ctx.font = (bold ? "600 14px " : "12px ") + FONT;
      ctx.fillStyle = "#1f2933";
      ctx.fillText(text, 14, y);
      y += bold ? 24 : 20;
    };
    line("grassroots-kg", true);
    line("Size: " + state.sizeBy + " · colour: " + state.colourBy, false);
    y += 6;
    if (state.colourBy === "type") {
      for (const row of TYPE_ROWS) {
        if (!row.count || state.hiddenTypes.has(row.name)) continue;
        ctx.fillStyle = row.colour;
        ctx.beginPath();
        ctx.arc(21, y, 6, 0, 2 * Math.PI);
        ctx.fill();
        ctx.font = "12px " + FONT;
        ctx.fillStyle = "#1f2933";
        ctx.fillText(row.name + " (" + row.count + ")", 34, y);
        y += 20;
      }
    } else {
      const grad = ctx.createLinearGradient(14, 0, 200, 0);
      grad.addColorStop(0, ramp(0));
      grad.addColorStop(1, ramp(1));
      ctx.fillStyle = grad;
      ctx.fillRect(14, y - 6, 186, 12);
      y += 24;
    }
    y += 6;
    for (const row of RELATION_ROWS) {
      if (!row.count || state.hiddenRelations.has(row.name)) continue;
      ctx.strokeStyle = row.colour;
      ctx.lineWidth = 3;
      ctx.setLineDash(row.name === "basedIn" ? [4, 4] : []);
      ctx.beginPath();
      ctx.moveTo(14, y);
      ctx.lineTo(30, y);
      ctx.stroke();
      ctx.font = "12px " + FONT;
      ctx.fillStyle = "#1f2933";
      ctx.fillText(row.name + " (" + row.count + ")", 34, y);
      y += 20;
    }
    ctx.restore();
    out.toBlob((blob) => {
      if (!blob) return;
      state.lastPng = { width: out.width, height: out.height, bytes: blob.size };
      saveBlob(blob, "graph.png");
    }, "image/png");
  }

  // ------------------------------------------------------------------ tooltip

  const tooltip = byId("tooltip");

  function tooltipEvidence(refs) {
    return refs.slice(0, TOOLTIP_EVIDENCE).map((k) => {
      const [doc, article, text] = sentence(k);
      const short = text.length > 140 ? text.slice(0, 140) + "…" : text;
      const head = headline(doc, article);
      const date = dateOf(doc, article);
      return el("div", { className: "tip-evidence", text: "“" + short + "” — " + (date ? date + " · " : "") + doc + (head ? " · " + head : "") });
    });
  }

  function nodeTooltip(id) {
    if (id >= N) {
      const k = CLUSTERS[id - N];
      return [el("strong", { text: k.name }), el("div", { text: liveByCluster[id - N] + " entities — click to open" })];
    }
    const e = ENTITIES[id];
    const evidence = e.mentions.length ? e.mentions : outEdges[id].concat(inEdges[id])
      .flatMap((k) => STATEMENTS[k].evidence);
    return [
      el("strong", { text: e.name }),
      el("div", { text: "Type: " + e.type }),
      e.aliases.length ? el("div", { text: "Aliases: " + e.aliases.join("、") }) : null,
      e.adcode ? el("div", { text: "Adcode: " + e.adcode }) : null,
      ...tooltipEvidence(evidence),
    ];
  }

  function edgeTooltip(id) {
    if (id >= CLUSTER_EDGE_BASE) return null;
    if (id >= M) {
      const [b, p] = BASED[id - BASED_BASE];
      return [el("strong", { text: ENTITIES[b].name + " basedIn " + ENTITIES[p].name }),
              el("div", { text: "Read from the body's name" })];
    }
    const s = STATEMENTS[id];
    return [
      el("strong", { text: ENTITIES[s.s].name + " " + s.relation + " " + ENTITIES[s.o].name }),
      s.role ? el("div", { text: "Role: " + s.role }) : null,
      el("div", { text: "Confidence: " + fmt(s.confidence) }),
      ...tooltipEvidence(s.evidence),
    ];
  }

  function showTooltip(children) {
    if (!children) return;
    tooltip.replaceChildren(...children.filter(Boolean));
    tooltip.hidden = false;
    const pad = 14;
    const box = tooltip.getBoundingClientRect();
    const x = Math.min(state.pointer.x + pad, window.innerWidth - box.width - 4);
    const y = Math.min(state.pointer.y + pad, window.innerHeight - box.height - 4);
    tooltip.style.left = Math.max(x, 4) + "px";
    tooltip.style.top = Math.max(y, 4) + "px";
  }

  function hideTooltip() {
    tooltip.hidden = true;
  }

  // ------------------------------------------------------------------ wiring

  function wire() {
    container.addEventListener("pointermove", (ev) => {
      state.pointer.x = ev.clientX;
      state.pointer.y = ev.clientY;
    });
    container.addEventListener("pointerleave", hideTooltip);
    network.on("hoverNode", (p) => showTooltip(nodeTooltip(p.node)));
    network.on("hoverEdge", (p) => showTooltip(edgeTooltip(p.edge)));
    network.on("blurNode", hideTooltip);
    network.on("blurEdge", hideTooltip);
    network.on("dragStart", hideTooltip);
    network.on("click", (p) => {
      hideTooltip();
      if (p.nodes.length) {
        const id = p.nodes[0];
        if (id >= N) {
          openCluster(id - N);
          network.unselectAll();
        } else selectNode(id, false);
      } else if (bubbleAt(p.pointer.DOM) !== null) {
        openCluster(bubbleAt(p.pointer.DOM));
        network.unselectAll();
      } else if (p.edges.length) {
        const id = p.edges[0];
        if (id < M) selectEdge(id);
        else if (id < CLUSTER_EDGE_BASE) selectBased(id - BASED_BASE);
      } else clearSelection();
    });
    network.on("afterDrawing", (ctx) => {
      drawBubbles(ctx);
      drawRings(ctx);
      drawLabels(ctx);
    });
    network.on("zoom", () => {
      clearTimeout(zoomTimer);
      zoomTimer = setTimeout(openClustersInView, 120);
    });
    byId("panel-close").addEventListener("click", clearSelection);
    byId("fit").addEventListener("click", () => network.fit({ animation: false }));
    byId("collapse").addEventListener("click", collapseAll);
    byId("collapse").hidden = !CLUSTERED;
    byId("reset").addEventListener("click", resetExploration);
    byId("save-png").addEventListener("click", savePng);
    byId("layout-state").textContent = CLUSTERED
      ? "Grouped by city and county: click a bubble or zoom in to open it"
      : "Layout computed when the page was built";
  }

  buildFilters();
  buildDates();
  buildSearch();
  buildTable();
  buildPlaceTree();
  buildCorrections();
  wire();
  const fromHash = loadHash();
  showControls();
  updateLegend();
  showNotice();
  if (fromHash.focus !== undefined) state.focus = { id: fromHash.focus, depth: fromHash.depth, set: neighbourhood(fromHash.focus, fromHash.depth) };
  sync();
  network.fit({ animation: false });
  let drawnAtFirstView = [0, 0];
  network.once("afterDrawing", () => {
    drawnAtFirstView = [state.shown.subarray(0, N).reduce((a, b) => a + b, 0),
                        state.shown.subarray(N).reduce((a, b) => a + b, 0)];
    state.timings.firstDraw = performance.now();
    state.timings.settled = state.timings.firstDraw;
    document.documentElement.dataset.layout = "settled";
    // a table view from the hash opens once the graph has drawn, so the page is ready either way
    if (state.view === "table") setView("table");
  });
  if (fromHash.node !== undefined) choose(fromHash.node);

  /** For tests and benchmarks: read-only handles, no extra power over the page. */
  window.kgApp = Object.freeze({
    network: network,
    nodes: nodes,
    edges: edges,
    search: search,
    choose: choose,
    selectEdge: selectEdge,
    expand: expand,
    hide: hide,
    focusOn: focusOn,
    showPath: showPath,
    openCluster: openCluster,
    timings: state.timings,
    labels: () => state.labels.map((r) => Object.assign({}, r)),
    shown: (id) => state.shown[id] === 1,
    clusters: () => CLUSTERS.map((k, c) => ({ name: k.name, count: k.count, open: state.openClusters.has(c), shown: state.shown[N + c] === 1, id: N + c })),
    lastPng: () => state.lastPng,
    hash: hashOf,
    get drawnAtFirstView() { return drawnAtFirstView.slice(); },
    entityCount: N,
    statementCount: M,
    entity: (i) => ENTITIES[i],
    statement: (id) => STATEMENTS[id],
    sentence: sentence,
    corrections: () => state.corrections.map((c) => c.line),
    formatLine: formatLine,
    today: today,
    dateOf: dateOf,
    setDates: setDates,
  });
})();
