/* grassroots-kg graph page: find, filter and read the evidence over vis-network.
 *
 * Every string from the graph is untrusted.  It reaches the DOM only as text: el() below
 * appends strings as text nodes and sets textContent; nothing here assigns innerHTML, and
 * vis-network is never given a `title` (it would render a string title as HTML) -- the
 * tooltip is drawn by this file instead.
 */
(function () {
  "use strict";

  // ------------------------------------------------------------------ data

  function readJson(id) {
    return JSON.parse(document.getElementById(id).textContent);
  }

  const PAGE = readJson("kg-page");
  const OPTIONS = readJson("kg-options");
  const ENTITIES = PAGE.entities; // index = vis node id
  const STATEMENTS = PAGE.statements; // index = vis edge id
  const TYPE_ROWS = PAGE.types;
  const RELATION_ROWS = PAGE.relations;
  const RELATION_COLOUR = Object.fromEntries(RELATION_ROWS.map((r) => [r.name, r.colour]));
  const MAX_SUGGESTIONS = 12;
  const TOOLTIP_EVIDENCE = 2;
  const DIM_OPACITY = 0.15;

  const state = {
    hiddenTypes: new Set(),
    hiddenRelations: new Set(),
    minConfidence: PAGE.meta.minConfidence || 0,
    nodeVisible: new Uint8Array(ENTITIES.length),
    dimmedNodes: new Uint8Array(ENTITIES.length),
    dimmedEdges: new Uint8Array(STATEMENTS.length),
    selected: null, // {kind: "node" | "edge", id}
    pointer: { x: 0, y: 0 },
    timings: { start: performance.now(), firstDraw: null, settled: null },
  };

  const outEdges = ENTITIES.map(() => []);
  const inEdges = ENTITIES.map(() => []);
  STATEMENTS.forEach((s, id) => {
    outEdges[s.s].push(id);
    inEdges[s.o].push(id);
  });

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

  function fmt(value) {
    return value === null || value === undefined ? "—" : Number(value).toFixed(2);
  }

  function confidenceOf(item) {
    return item.confidence === null || item.confidence === undefined ? 0 : item.confidence;
  }

  function headline(doc, article) {
    const info = PAGE.documents[doc];
    if (!info) return "";
    return info.headlines[String(article)] || info.title || "";
  }

  /** A small SVG of a vis-network shape, for the legend. */
  function swatch(shape, colour) {
    const ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 16 16");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    svg.setAttribute("aria-hidden", "true");
    const points = {
      hexagon: "8,1 14,4.5 14,11.5 8,15 2,11.5 2,4.5",
      diamond: "8,1 15,8 8,15 1,8",
      triangle: "8,1.5 15,14 1,14",
      triangleDown: "1,2 15,2 8,14.5",
      star: "8,1 9.8,6 15,6 10.8,9.2 12.4,14.5 8,11.3 3.6,14.5 5.2,9.2 1,6 6.2,6",
      square: "2,2 14,2 14,14 2,14",
    }[shape];
    const mark = points
      ? document.createElementNS(ns, "polygon")
      : document.createElementNS(ns, "circle");
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

  function lineSwatch(colour) {
    const span = el("span", { className: "line-swatch", "aria-hidden": "true" });
    span.style.display = "inline-block";
    span.style.width = "16px";
    span.style.height = "3px";
    span.style.background = colour;
    return span;
  }

  // ------------------------------------------------------------------ network

  computeNodeVisibility();
  const nodes = new vis.DataSet(readJson("kg-nodes"));
  const edges = new vis.DataSet(readJson("kg-edges"));
  const nodesView = new vis.DataView(nodes, { filter: (n) => state.nodeVisible[n.id] === 1 });
  const edgesView = new vis.DataView(edges, { filter: (e) => edgePasses(e.id) });
  const container = byId("network");
  const network = new vis.Network(container, { nodes: nodesView, edges: edgesView }, OPTIONS);

  function nodePasses(id) {
    const e = ENTITIES[id];
    return !state.hiddenTypes.has(e.type) && confidenceOf(e) >= state.minConfidence;
  }

  function edgePasses(id) {
    const s = STATEMENTS[id];
    return (
      !state.hiddenRelations.has(s.relation) &&
      confidenceOf(s) >= state.minConfidence &&
      state.nodeVisible[s.s] === 1 &&
      state.nodeVisible[s.o] === 1
    );
  }

  function computeNodeVisibility() {
    for (let i = 0; i < ENTITIES.length; i++) state.nodeVisible[i] = nodePasses(i) ? 1 : 0;
  }

  // ------------------------------------------------------------------ layout

  function setLayoutState(text) {
    byId("layout-state").textContent = text;
  }

  function settle() {
    network.setOptions({ physics: { enabled: false } });
    if (state.timings.settled === null) state.timings.settled = performance.now();
    document.documentElement.dataset.layout = "settled";
    setLayoutState("Layout settled");
  }

  function runLayout() {
    document.documentElement.dataset.layout = "running";
    setLayoutState("Laying out…");
    network.setOptions({ physics: { enabled: true } });
    network.stabilize(OPTIONS.physics.stabilization.iterations);
  }

  function setHierarchical(on) {
    const hierarchical = on
      ? { enabled: true, direction: "UD", sortMethod: "directed", levelSeparation: 110,
          nodeSpacing: 70, treeSpacing: 120 }
      : { enabled: false };
    network.setOptions({ layout: { hierarchical: hierarchical } });
    runLayout();
  }

  network.once("afterDrawing", () => {
    state.timings.firstDraw = performance.now();
    if (!OPTIONS.physics.enabled) {
      settle();
      setLayoutState("Precomputed layout (physics off)");
    }
  });
  network.on("stabilizationIterationsDone", settle);

  // ------------------------------------------------------------------ filters

  function applyFilters() {
    computeNodeVisibility();
    nodesView.refresh();
    edgesView.refresh();
    updateCounts();
    updateStatus();
  }

  function filterRow(name, count, swatchNode, onChange) {
    const box = el("input", { type: "checkbox" });
    box.checked = true;
    box.dataset.name = name;
    box.addEventListener("change", () => onChange(box.checked));
    const countNode = el("span", { className: "count", text: String(count) });
    const label = el("label", null, [box, swatchNode, el("span", { text: name }), countNode]);
    return { item: el("li", null, [label]), countNode: countNode };
  }

  const typeCounts = new Map();
  const relationCounts = new Map();

  function buildFilters() {
    const typeList = byId("type-filters");
    for (const row of TYPE_ROWS) {
      const r = filterRow(row.name, row.count, swatch(row.shape, row.colour), (on) => {
        if (on) state.hiddenTypes.delete(row.name);
        else state.hiddenTypes.add(row.name);
        applyFilters();
      });
      r.item.dataset.type = row.name;
      typeCounts.set(row.name, r.countNode);
      typeList.append(r.item);
    }
    const relationList = byId("relation-filters");
    for (const row of RELATION_ROWS) {
      const r = filterRow(row.name, row.count, lineSwatch(row.colour), (on) => {
        if (on) state.hiddenRelations.delete(row.name);
        else state.hiddenRelations.add(row.name);
        applyFilters();
      });
      r.item.dataset.relation = row.name;
      relationCounts.set(row.name, r.countNode);
      relationList.append(r.item);
    }
    const slider = byId("confidence");
    slider.value = String(state.minConfidence);
    byId("confidence-value").textContent = fmt(state.minConfidence);
    let pending = false;
    slider.addEventListener("input", () => {
      state.minConfidence = Number(slider.value);
      byId("confidence-value").textContent = fmt(state.minConfidence);
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        applyFilters();
      });
    });
  }

  /** Counts beside each toggle: how many pass the confidence threshold. */
  function updateCounts() {
    const byType = new Map();
    ENTITIES.forEach((e) => {
      if (confidenceOf(e) >= state.minConfidence) byType.set(e.type, (byType.get(e.type) || 0) + 1);
    });
    for (const [name, node] of typeCounts) {
      const n = byType.get(name) || 0;
      node.textContent = String(n);
      node.parentElement.classList.toggle("empty", n === 0);
    }
    const byRelation = new Map();
    STATEMENTS.forEach((s) => {
      if (confidenceOf(s) >= state.minConfidence) {
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
    byId("status").textContent =
      "Showing " + nodesView.length + " of " + ENTITIES.length + " entities and " +
      edgesView.length + " of " + STATEMENTS.length + " relations.";
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

  // ------------------------------------------------------------------ search

  const searchKeys = ENTITIES.map((e) => [e.name, ...e.aliases].map((s) => s.toLowerCase()));

  /** Entities whose name or an alias contains the query: exact, then prefix, then infix. */
  function search(query, limit) {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const hits = [];
    searchKeys.forEach((keys, i) => {
      let best = Infinity;
      keys.forEach((k, j) => {
        const at = k.indexOf(q);
        if (at < 0) return;
        const rank = (k === q ? 0 : at === 0 ? 2 : 4) + (j === 0 ? 0 : 1);
        best = Math.min(best, rank);
      });
      if (best < Infinity) hits.push([best, -ENTITIES[i].degree, ENTITIES[i].name, i]);
    });
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

  function choose(i) {
    closeSuggestions();
    searchBox.value = ENTITIES[i].name;
    reveal(i);
    selectNode(i, true);
  }

  /** Make sure a chosen entity is drawn: turn its type back on, lower the slider if needed. */
  function reveal(i) {
    const e = ENTITIES[i];
    if (state.nodeVisible[i]) return;
    if (state.hiddenTypes.has(e.type)) {
      state.hiddenTypes.delete(e.type);
      for (const input of document.querySelectorAll("#type-filters input")) {
        if (input.dataset.name === e.type) input.checked = true;
      }
    }
    if (confidenceOf(e) < state.minConfidence) {
      state.minConfidence = confidenceOf(e);
      byId("confidence").value = String(state.minConfidence);
      byId("confidence-value").textContent = fmt(state.minConfidence);
    }
    applyFilters();
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

  // ------------------------------------------------------------------ selection

  function selectNode(i, focus) {
    state.selected = { kind: "node", id: i };
    showPanel(entityPanel(i));
    network.selectNodes([i]);
    if (focus) {
      network.focus(i, { scale: Math.max(network.getScale(), 1.1), animation: { duration: 300 } });
    }
    const neighbours = new Set([i]);
    const touching = new Set();
    for (const id of outEdges[i].concat(inEdges[i])) {
      touching.add(id);
      neighbours.add(STATEMENTS[id].s);
      neighbours.add(STATEMENTS[id].o);
    }
    highlight(neighbours, touching);
  }

  function selectEdge(id) {
    const s = STATEMENTS[id];
    state.selected = { kind: "edge", id: id };
    // a statement whose edge the filters hide (or that is not drawn) still has its panel;
    // only an edge on the canvas can be selected there
    if (edgesView.get(id) !== null) {
      network.setSelection({ nodes: [], edges: [id] }, { highlightEdges: false });
    } else {
      network.unselectAll();
    }
    showPanel(statementPanel(id));
    highlight(new Set([s.s, s.o]), new Set([id]));
  }

  function clearSelection() {
    state.selected = null;
    network.unselectAll();
    highlight(null, null);
    byId("panel").hidden = true;
    network.setSize("100%", "100%"); // the canvas takes the panel's room back at once
  }

  /**
   * Highlight the neighbourhood of a selection.  Small graphs dim everything else; past the
   * precomputed-layout threshold that would rewrite thousands of items per click, so large
   * graphs only enlarge the neighbourhood (work in proportion to its size).
   */
  function highlight(nodeSet, edgeSet) {
    if (PAGE.meta.precomputedLayout) emphasise(nodeSet);
    else dim(nodeSet, edgeSet);
  }

  let emphasised = [];

  function emphasise(nodeSet) {
    const updates = emphasised.map((id) => ({ id: id, borderWidth: 1, font: { size: 14 } }));
    emphasised = nodeSet === null ? [] : Array.from(nodeSet);
    for (const id of emphasised) updates.push({ id: id, borderWidth: 3, font: { size: 18 } });
    if (updates.length) nodes.update(updates);
  }

  /** Dim everything outside the neighbourhood; only items whose state changes are updated. */
  function dim(nodeSet, edgeSet) {
    const nodeUpdates = [];
    for (let i = 0; i < ENTITIES.length; i++) {
      const off = nodeSet !== null && !nodeSet.has(i) ? 1 : 0;
      if (off !== state.dimmedNodes[i]) {
        state.dimmedNodes[i] = off;
        nodeUpdates.push({ id: i, opacity: off ? DIM_OPACITY : 1 });
      }
    }
    const edgeUpdates = [];
    for (let id = 0; id < STATEMENTS.length; id++) {
      const off = edgeSet !== null && !edgeSet.has(id) ? 1 : 0;
      if (off !== state.dimmedEdges[id]) {
        state.dimmedEdges[id] = off;
        const colour = RELATION_COLOUR[STATEMENTS[id].relation] || "#999999";
        edgeUpdates.push({ id: id, color: { color: colour, highlight: colour, hover: colour,
                                            opacity: off ? DIM_OPACITY : 1 } });
      }
    }
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
  }

  // ------------------------------------------------------------------ panel

  /** Open the side panel; the canvas shrinks now, so a focus that follows centres truly. */
  function showPanel(children) {
    const panel = byId("panel");
    byId("panel-body").replaceChildren(...children);
    panel.scrollTop = 0;
    if (panel.hidden) {
      panel.hidden = false;
      network.setSize("100%", "100%");
    }
  }

  /** A name that selects its entity when clicked, or plain text when it is not drawn. */
  function entityLink(i, name) {
    if (i === null || i === undefined) return el("span", { text: name });
    const button = el("button", { type: "button", className: "link", text: name || ENTITIES[i].name });
    button.addEventListener("click", () => choose(i));
    return button;
  }

  function facts(rows) {
    const dl = el("dl");
    for (const [term, value] of rows) {
      dl.append(el("dt", { text: term }), el("dd", null, [value]));
    }
    return dl;
  }

  function evidenceList(items) {
    return el(
      "ol",
      { className: "evidence" },
      items.map(([doc, article, text]) => {
        const head = headline(doc, article);
        return el("li", null, [
          el("blockquote", { text: text }),
          el("cite", { text: doc + (head ? " · " + head : "") }),
        ]);
      })
    );
  }

  function statementLine(id, from) {
    const s = STATEMENTS[id];
    const side = (i) => (i === from ? el("strong", { text: ENTITIES[i].name }) : entityLink(i));
    const details = el("button", { type: "button", className: "link meta", text: "statement" });
    details.addEventListener("click", () => selectEdge(id));
    const meta = [
      s.role ? "role " + s.role : null,
      "confidence " + fmt(s.confidence),
      s.evidence.length + " evidence",
    ].filter(Boolean);
    return el("li", null, [
      el("div", { className: "line" }, [side(s.s), el("span", { className: "rel", text: "—" + s.relation + "→" }), side(s.o)]),
      el("div", { className: "meta" }, [meta.join(" · ") + " · ", details]),
      evidenceList(s.evidence),
    ]);
  }

  function entityPanel(i) {
    const e = ENTITIES[i];
    const out = [
      el("p", { className: "kicker", text: e.type }),
      el("h2", { text: e.name }),
      facts([
        ["Type", e.type],
        ["Canonical name", e.name],
        ["Aliases", e.aliases.length ? e.aliases.join("、") : "—"],
        ["Adcode", e.adcode || "—"],
        ["Confidence", fmt(e.confidence)],
        ["Id", e.id],
      ]),
    ];
    if (e.chain.length) {
      out.push(el("h3", { text: "Located in" }));
      out.push(el("ol", { className: "chain" }, e.chain.map(([j, name, type]) =>
        el("li", { title: type }, [entityLink(j, name)]))));
    } else if (e.namedAfter) {
      out.push(el("h3", { text: "Named after" }));
      out.push(el("ol", { className: "chain named-after" }, e.namedAfter.map(([j, name, type]) =>
        el("li", { title: type }, [entityLink(j, name)]))));
      out.push(el("p", { className: "muted note",
        text: "Read from the name; no statement places this body." }));
    }
    for (const row of RELATION_ROWS) {
      const ids = outEdges[i].concat(inEdges[i]).filter((id) => STATEMENTS[id].relation === row.name);
      if (!ids.length) continue;
      out.push(el("h3", { text: row.name + " (" + ids.length + ")" }));
      out.push(el("ul", { className: "statement" }, ids.map((id) => statementLine(id, i))));
    }
    if (e.mentionCount) {
      const more = e.mentionCount > e.mentions.length ? " — first " + e.mentions.length : "";
      out.push(el("h3", { text: "Mentions (" + e.mentionCount + ")" + more }));
      out.push(evidenceList(e.mentions));
    }
    return out;
  }

  function statementPanel(id) {
    const s = STATEMENTS[id];
    return [
      el("p", { className: "kicker", text: "Statement" }),
      el("h2", { text: ENTITIES[s.s].name + " " + s.relation + " " + ENTITIES[s.o].name }),
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

  // ------------------------------------------------------------------ tooltip

  const tooltip = byId("tooltip");

  function tooltipEvidence(items) {
    return items.slice(0, TOOLTIP_EVIDENCE).map(([doc, article, text]) => {
      const short = text.length > 140 ? text.slice(0, 140) + "…" : text;
      const head = headline(doc, article);
      return el("div", { className: "tip-evidence", text: "“" + short + "” — " + doc + (head ? " · " + head : "") });
    });
  }

  function nodeTooltip(i) {
    const e = ENTITIES[i];
    const evidence = e.mentions.length ? e.mentions : outEdges[i].concat(inEdges[i])
      .flatMap((id) => STATEMENTS[id].evidence);
    return [
      el("strong", { text: e.name }),
      el("div", { text: "Type: " + e.type }),
      e.aliases.length ? el("div", { text: "Aliases: " + e.aliases.join("、") }) : null,
      e.adcode ? el("div", { text: "Adcode: " + e.adcode }) : null,
      ...tooltipEvidence(evidence),
    ];
  }

  function edgeTooltip(id) {
    const s = STATEMENTS[id];
    return [
      el("strong", { text: ENTITIES[s.s].name + " " + s.relation + " " + ENTITIES[s.o].name }),
      s.role ? el("div", { text: "Role: " + s.role }) : null,
      el("div", { text: "Confidence: " + fmt(s.confidence) }),
      ...tooltipEvidence(s.evidence),
    ];
  }

  function showTooltip(children) {
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
      if (p.nodes.length) selectNode(p.nodes[0], false);
      else if (p.edges.length) selectEdge(p.edges[0]);
      else clearSelection();
    });
    byId("panel-close").addEventListener("click", clearSelection);
    byId("rerun").addEventListener("click", runLayout);
    byId("fit").addEventListener("click", () => network.fit());
    byId("hierarchical").addEventListener("change", (ev) => setHierarchical(ev.target.checked));
  }

  buildFilters();
  buildSearch();
  wire();
  updateCounts();
  updateStatus();
  showNotice();

  /** For tests and benchmarks: read-only handles, no extra power over the page. */
  window.kgApp = Object.freeze({
    network: network,
    nodesView: nodesView,
    edgesView: edgesView,
    search: search,
    choose: choose,
    selectEdge: selectEdge,
    timings: state.timings,
    entity: (i) => ENTITIES[i],
    statement: (id) => STATEMENTS[id],
  });
})();
