// The explorer page: the search form, the GraphQL request (same origin), the Cytoscape view,
// the details of what is clicked, and the exports. The URL carries the question
// (/explore?q=花都区&supporting=1), so a view can be shared or bookmarked.
/* global cytoscape, PlanGraphQueries, PlanGraphPicture, PlanGraphExports */
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var form = $('search');
  var status = $('status');
  var summary = $('summary');
  var details = $('details');
  var current = null;

  var COLORS = { body: '#1f4e79', task: '#ffffff', plan: '#f4f1ea', place: '#2e7d4f', area: '#d68a00', LEADS: '#1f4e79', SUPPORTS: '#6f9fd8', LOCATED_IN: '#4d9a68' };

  var cy = cytoscape({
    container: $('graph'),
    wheelSensitivity: 0.3,
    minZoom: 0.05,
    maxZoom: 3,
    boxSelectionEnabled: false,
    style: [
      { selector: 'node', style: { label: 'data(label)', 'font-family': 'Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif', 'font-size': 11, color: '#1d2733', 'text-valign': 'center', 'text-halign': 'center' } },
      { selector: 'node[kind = "body"]', style: { shape: 'round-rectangle', 'background-color': COLORS.body, color: '#ffffff', width: 'data(w)', height: 30, 'font-size': 13, 'border-width': 0 } },
      { selector: 'node[kind = "body"][?focus]', style: { 'font-size': 16, height: 44, 'border-width': 3, 'border-color': COLORS.area } },
      { selector: 'node[kind = "task"]', style: { shape: 'round-rectangle', 'background-color': COLORS.task, 'border-width': 1, 'border-color': '#9aa5b1', width: 176, height: 54, 'text-wrap': 'wrap', 'font-size': 12, 'line-height': 1.3 } },
      { selector: 'node[kind = "plan"]', style: { shape: 'round-rectangle', 'background-color': COLORS.plan, 'background-opacity': 1, 'border-width': 1, 'border-color': '#c9bfa8', 'text-valign': 'top', 'text-halign': 'center', 'text-margin-y': -8, 'font-size': 16, 'font-weight': 'bold', color: '#5b4a2a', padding: '16px' } },
      { selector: 'node[kind = "place"]', style: { shape: 'round-rectangle', 'background-color': '#e6f2ea', 'border-width': 1.5, 'border-color': COLORS.place, color: '#1c4d31', width: 'data(w)', height: 28, 'font-size': 13 } },
      { selector: 'node[kind = "area"]', style: { shape: 'hexagon', 'background-color': COLORS.area, color: '#ffffff', width: 'data(w)', height: 50, 'font-size': 16, 'font-weight': 'bold', 'border-width': 0 } },
      { selector: 'edge', style: { width: 1.2, 'curve-style': 'straight', opacity: 0.5, 'target-arrow-shape': 'triangle', 'arrow-scale': 0.8 } },
      { selector: 'edge[type = "LEADS"]', style: { 'line-color': COLORS.LEADS, 'target-arrow-color': COLORS.LEADS, width: 1.6 } },
      { selector: 'edge[type = "SUPPORTS"]', style: { 'line-color': COLORS.SUPPORTS, 'target-arrow-color': COLORS.SUPPORTS, 'line-style': 'dashed' } },
      { selector: 'edge[type = "LOCATED_IN"]', style: { 'line-color': COLORS.LOCATED_IN, 'target-arrow-shape': 'none', 'line-style': 'dotted', opacity: 0.45 } },
      { selector: '.faded', style: { opacity: 0.08, 'text-opacity': 0.25 } },
      { selector: 'node.faded[kind = "plan"]', style: { opacity: 0.35 } },
      { selector: ':selected', style: { 'border-width': 3, 'border-color': '#e4572e', 'line-color': '#e4572e', 'target-arrow-color': '#e4572e', opacity: 1, width: 3 } },
      { selector: 'node[kind = "task"]:selected', style: { width: 150 } },
    ],
  });

  function setStatus(text, kind) {
    status.textContent = text;
    status.className = kind || '';
  }

  function options() {
    return {
      q: $('q').value.trim(),
      kind: $('kind').value,
      includeDescendants: $('descendants').checked,
      includeEnclosing: $('enclosing').checked,
      includeSupporting: $('supporting').checked,
    };
  }

  function fromUrl() {
    var p = new URLSearchParams(window.location.search);
    if (p.has('q')) $('q').value = p.get('q');
    if (p.has('kind')) $('kind').value = p.get('kind');
    if (p.has('descendants')) $('descendants').checked = p.get('descendants') !== '0';
    if (p.has('enclosing')) $('enclosing').checked = p.get('enclosing') === '1';
    if (p.has('supporting')) $('supporting').checked = p.get('supporting') === '1';
  }

  function toUrl(o) {
    var p = new URLSearchParams({ q: o.q });
    if (o.kind !== 'auto') p.set('kind', o.kind);
    if (!o.includeDescendants) p.set('descendants', '0');
    if (o.includeEnclosing) p.set('enclosing', '1');
    if (o.includeSupporting) p.set('supporting', '1');
    window.history.replaceState(null, '', window.location.pathname + '?' + p.toString() + window.location.hash);
  }

  function graphql(query, variables) {
    return fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: query, variables: variables }),
    }).then(function (res) {
      return res.json().catch(function () { throw new Error('the server answered ' + res.status + ' without JSON'); });
    });
  }

  function errorText(reply) {
    return (reply.errors || []).map(function (e) { return e.message; }).join(' ');
  }

  /** District first (unless the kind says body), then body: a name like 花都 is a place, 发改委 a body. */
  function ask(o) {
    var asDistrict = function () {
      return graphql(PlanGraphQueries.district, { name: o.q, includeDescendants: o.includeDescendants, includeEnclosing: o.includeEnclosing, includeSupporting: o.includeSupporting })
        .then(function (reply) { return reply.data && reply.data.district ? { kind: 'district', answer: reply.data.district } : { error: errorText(reply) || 'No such district.' }; });
    };
    var asBody = function () {
      return graphql(PlanGraphQueries.department, { name: o.q, includeSupporting: o.includeSupporting })
        .then(function (reply) { return reply.data && reply.data.department ? { kind: 'department', answer: reply.data.department } : { error: errorText(reply) || 'No such body.' }; });
    };
    if (o.kind === 'district') return asDistrict();
    if (o.kind === 'department') return asBody();
    return asDistrict().then(function (d) {
      if (!d.error) return d;
      return asBody().then(function (b) { return b.error ? { error: 'As a district: ' + d.error + ' As a body: ' + b.error } : b; });
    });
  }

  function render(result, o) {
    var picture = result.kind === 'district' ? PlanGraphPicture.fromDistrict(result.answer) : PlanGraphPicture.fromDepartment(result.answer);
    var positions = PlanGraphPicture.layout(picture, { w: cy.width(), h: cy.height() });
    cy.elements().remove();
    cy.add(picture.nodes.map(function (n) { return { group: 'nodes', data: n, position: positions[n.id] }; }));
    cy.add(picture.edges.map(function (e) { return { group: 'edges', data: e }; }));
    cy.layout({ name: 'preset', fit: true, padding: 30 }).run();
    current = { picture: picture, options: o, kind: result.kind, name: result.answer.name };
    // The touch options belong to areas; a body's tasks are every task it holds.
    $('descendants').disabled = $('enclosing').disabled = result.kind !== 'district';
    showSummary(picture, result);
    showDetails(null);
    document.title = result.answer.name + ' · PlanGraph Explore';
  }

  function showSummary(picture, result) {
    var s = picture.stats;
    var title = result.kind === 'district'
      ? result.answer.name + (result.answer.code ? ' (' + result.answer.code + ')' : '')
      : result.answer.name;
    var o = current.options;
    var what = result.kind === 'district'
      ? (o.includeSupporting ? 'Bodies leading or supporting' : 'Bodies leading') + ' tasks that touch ' + result.answer.name +
        (o.includeDescendants ? ' or an area inside it' : ' itself') + (o.includeEnclosing ? ', province- and city-wide tasks included' : '')
      : 'Tasks this body ' + (o.includeSupporting ? 'leads or supports' : 'leads') + ', in every plan';
    summary.dataset.nodes = String(cy.nodes().length);
    summary.dataset.edges = String(cy.edges().length);
    summary.dataset.bodies = String(s.bodies);
    summary.dataset.tasks = String(s.tasks);
    summary.dataset.plans = String(s.plans);
    summary.dataset.places = String(s.places);
    summary.dataset.kind = result.kind;
    summary.innerHTML = '';
    var h = document.createElement('h2');
    h.textContent = title;
    var p = document.createElement('p');
    p.className = 'muted';
    p.textContent = what;
    var grid = el('div', 'counts');
    [['bodies', s.bodies], ['tasks', s.tasks], ['plans', s.plans], ['places', s.places], ['leads', s.leads], ['supports', s.supports]].forEach(function (pair) {
      var cell = el('div', 'count');
      cell.appendChild(el('strong', '', String(pair[1])));
      cell.appendChild(el('span', '', pair[0]));
      grid.appendChild(cell);
    });
    summary.appendChild(h);
    summary.appendChild(p);
    summary.appendChild(grid);
    var list = $('bodies');
    list.innerHTML = '';
    if (result.kind === 'district') list.appendChild(bodyList(picture));
    if (s.cut > 0) {
      summary.appendChild(el('p', 'warn', s.cut + ' more task assignment(s) than shown: the picture holds the first 10 of each body\'s tasks in an area, 100 of a body\'s own. ' +
        'The GraphQL API pages through all of them (tasks(filter: {touches, ledBy})).'));
    }
    if (s.tasks === 0) {
      var empty = document.createElement('p');
      empty.className = 'warn';
      empty.textContent = result.kind === 'district'
        ? 'No task touching this area has a lead body. Try "supporting bodies", "enclosing areas", or a larger area.'
        : 'This body holds no tasks in the loaded plans.';
      summary.appendChild(empty);
    }
    setStatus(cy.nodes().length + ' nodes, ' + cy.edges().length + ' edges. Click a node or an edge for its source text; scroll to zoom.', 'ok');
  }

  /** The bodies, busiest first; a click shows one in the picture. */
  function bodyList(picture) {
    var bodies = picture.nodes.filter(function (n) { return n.kind === 'body'; });
    bodies.sort(function (a, b) { return (b.leads * 2 + b.supports) - (a.leads * 2 + a.supports) || (a.name < b.name ? -1 : 1); });
    var wrap = el('div', 'bodies');
    wrap.appendChild(el('h4', '', 'Bodies, busiest first'));
    var ol = el('ol');
    bodies.slice(0, 15).forEach(function (n) {
      var li = el('li');
      var a = el('button', 'as-link', n.name);
      a.type = 'button';
      a.addEventListener('click', function () {
        var node = cy.getElementById(n.id);
        cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 0.9) }, { duration: 300 });
        node.emit('tap');
      });
      li.appendChild(a);
      li.appendChild(el('span', 'tally', (n.leads ? n.leads + ' lead' : '') + (n.leads && n.supports ? ' · ' : '') + (n.supports ? n.supports + ' support' : '')));
      ol.appendChild(li);
    });
    wrap.appendChild(ol);
    if (bodies.length > 15) wrap.appendChild(el('p', 'muted', '… and ' + (bodies.length - 15) + ' more in the picture.'));
    return wrap;
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function evidenceList(list) {
    var ul = el('ul', 'evidence');
    (list || []).forEach(function (ev) {
      var li = el('li');
      li.appendChild(el('span', 'doc', ev.document));
      li.appendChild(el('span', 'line', 'line ' + ev.line));
      li.appendChild(el('blockquote', '', ev.quote));
      ul.appendChild(li);
    });
    if (!list || list.length === 0) ul.appendChild(el('li', 'muted', 'No source line recorded.'));
    return ul;
  }

  var TYPE_TEXT = { LEADS: 'leads', SUPPORTS: 'supports', LOCATED_IN: 'is located in' };
  var KIND_TEXT = { body: 'Body', task: 'Task', plan: 'Plan', place: 'Place', area: 'Area asked for' };

  function showDetails(target) {
    details.innerHTML = '';
    if (!target) {
      details.appendChild(el('p', 'muted', 'Click an edge to see the document, line and quote it was read from; click a node for its details.'));
      return;
    }
    if (target.isEdge()) {
      var d = target.data();
      var src = cy.getElementById(d.source).data();
      var dst = cy.getElementById(d.target).data();
      details.dataset.selected = d.id;
      details.appendChild(el('h3', 'edge-' + d.type, d.type));
      details.appendChild(el('p', 'sentence', src.name + ' ' + TYPE_TEXT[d.type] + ' ' + (dst.ref ? dst.ref + ' ' : '') + dst.name));
      details.appendChild(el('h4', '', 'Evidence'));
      details.appendChild(evidenceList(d.evidence));
      return;
    }
    var n = target.data();
    details.dataset.selected = n.id;
    details.appendChild(el('h3', 'kind-' + n.kind, KIND_TEXT[n.kind] || n.kind));
    details.appendChild(el('p', 'sentence', n.name));
    if (n.ref) details.appendChild(el('p', 'muted', n.plan + ' · ' + n.ref));
    if (n.aliases && n.aliases.length) details.appendChild(el('p', 'muted', 'Also written: ' + n.aliases.join('、')));
    if (n.kind === 'body' && !n.focus) details.appendChild(el('p', 'muted', 'Leads ' + n.leads + ', supports ' + n.supports + ' of the tasks shown.'));
    if (n.evidence) details.appendChild(evidenceList(n.evidence));
    if (n.kind === 'plan') details.appendChild(el('p', 'muted', target.children().length + ' task(s) shown.'));
  }

  cy.on('tap', 'node, edge', function (evt) {
    var target = evt.target;
    cy.elements().unselect();
    target.select();
    cy.elements().addClass('faded');
    var keep = target.isEdge() ? target.union(target.connectedNodes()) : target.closedNeighborhood().union(target.children()).union(target.children().closedNeighborhood());
    keep = keep.union(keep.parents());
    keep.removeClass('faded');
    showDetails(target);
  });
  cy.on('tap', function (evt) {
    if (evt.target === cy) {
      cy.elements().removeClass('faded').unselect();
      showDetails(null);
    }
  });

  function run() {
    var o = options();
    if (!o.q) {
      setStatus('Type a district (花都区, 440114) or a body (省发展改革委).', 'warn');
      return Promise.resolve();
    }
    toUrl(o);
    setStatus('Asking PlanGraph about ' + o.q + ' …', 'busy');
    document.body.classList.add('busy');
    return ask(o)
      .then(function (result) {
        if (result.error) {
          setStatus(result.error, 'error');
          summary.dataset.error = result.error;
          return;
        }
        delete summary.dataset.error;
        render(result, o);
        if (window.location.hash === '#verify') verify();
      })
      .catch(function (err) { setStatus('The request failed: ' + err.message, 'error'); })
      .then(function () { document.body.classList.remove('busy'); });
  }

  /** #verify: exercises the exports and a click on a LEADS edge, and records the results in the page (tests, install checks). */
  function verify() {
    var svg = PlanGraphExports.svg(cy);
    var json = JSON.parse(PlanGraphExports.json(cy, current.options));
    var doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    var out = $('verify');
    out.dataset.svgNodes = String(doc.querySelectorAll('g.node, g.plan').length);
    out.dataset.svgEdges = String(doc.querySelectorAll('line.edge').length);
    out.dataset.svgError = doc.querySelector('parsererror') ? 'yes' : 'no';
    out.dataset.jsonNodes = String(json.nodes.length);
    out.dataset.jsonEdges = String(json.edges.length);
    out.dataset.pngBytes = String(atob(cy.png({ full: true, scale: 1, bg: '#ffffff' }).split(',')[1]).length);
    var lead = cy.edges('[type = "LEADS"]').first();
    if (lead.nonempty()) lead.emit('tap');
  }

  // Names to pick from while typing (places and bodies only; a failed lookup just offers nothing).
  var suggestTimer = null;
  $('q').addEventListener('input', function () {
    clearTimeout(suggestTimer);
    var text = $('q').value.trim();
    if (!text) return;
    suggestTimer = setTimeout(function () {
      graphql(PlanGraphQueries.suggest, { text: text })
        .then(function (reply) {
          var list = $('suggestions');
          list.innerHTML = '';
          var seen = new Set();
          ((reply.data && reply.data.search) || []).forEach(function (hit) {
            if ((hit.__typename !== 'District' && hit.__typename !== 'Department') || seen.has(hit.name)) return;
            seen.add(hit.name);
            var option = document.createElement('option');
            option.value = hit.name;
            option.label = hit.__typename === 'District' ? 'place' + (hit.code ? ' ' + hit.code : '') : 'body';
            list.appendChild(option);
          });
        })
        .catch(function () {});
    }, 250);
  });

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    run();
  });
  ['descendants', 'enclosing', 'supporting'].forEach(function (id) {
    $(id).addEventListener('change', function () { if ($('q').value.trim()) run(); });
  });
  var safeName = function () { return 'plangraph-' + (current ? current.name : 'view').replace(/[\\/:*?"<>|\s]+/g, '_'); };
  $('png').addEventListener('click', function () { if (current) PlanGraphExports.download(safeName() + '.png', PlanGraphExports.png(cy)); });
  $('svg').addEventListener('click', function () { if (current) PlanGraphExports.download(safeName() + '.svg', PlanGraphExports.svg(cy), 'image/svg+xml'); });
  $('json').addEventListener('click', function () { if (current) PlanGraphExports.download(safeName() + '.json', PlanGraphExports.json(cy, current.options), 'application/json'); });
  $('fit').addEventListener('click', function () { cy.fit(undefined, 30); });

  fromUrl();
  showDetails(null);
  if ($('q').value.trim()) run();
  else setStatus('Type a district (花都区, 440114) or a body (省发展改革委), then Show.', '');
})();
