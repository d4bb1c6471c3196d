// Turns an API answer into the picture's elements: bodies, tasks grouped by plan (a plan is a
// box around its tasks), places, and the edges between them with their evidence; then places
// them in columns (bodies | plans with their tasks | places) so an analyst reads it left to
// right: who leads what, in which plan, where.
/* exported PlanGraphPicture */
var PlanGraphPicture = (function () {
  var TASK_W = 176;
  var TASK_H = 54;
  var GAP = 14;
  var BODY_ROW = 36;
  var PLACE_ROW = 38;

  function short(text, max) {
    text = String(text || '').replace(/\s+/g, ' ').trim();
    return text.length > max ? text.slice(0, max - 1) + '…' : text;
  }

  /** Width of a label in px at a font size: CJK and full-width characters take 1em, the rest about 0.6em. */
  function textWidth(text, size) {
    var w = 0;
    for (var i = 0; i < text.length; i++) w += text.charCodeAt(i) > 0x2e80 ? size : size * 0.6;
    return Math.ceil(w);
  }

  /** Chinese has no spaces to wrap at: break every `per` characters, at most `lines` lines. */
  function wrap(text, per, lines) {
    text = String(text || '').replace(/\s+/g, ' ').trim();
    var out = [];
    for (var i = 0; i < text.length && out.length < lines; i += per) out.push(text.slice(i, i + per));
    if (text.length > per * lines) out[lines - 1] = out[lines - 1].slice(0, per - 1) + '…';
    return out.join('\n');
  }

  /** Collects nodes and edges without duplicates. */
  function Builder() {
    this.nodes = new Map();
    this.edges = new Map();
    /** Tasks the server's pages left out (its counts say how many). */
    this.cut = 0;
  }
  Builder.prototype.node = function (id, data) {
    var existing = this.nodes.get(id);
    if (existing) return existing;
    data.id = id;
    this.nodes.set(id, data);
    return data;
  };
  Builder.prototype.edge = function (source, target, type, evidence) {
    var id = type + '|' + source + '|' + target;
    var existing = this.edges.get(id);
    if (existing) {
      evidence.forEach(function (e) {
        if (!existing.evidence.some(function (x) { return x.document === e.document && x.line === e.line; })) existing.evidence.push(e);
      });
      return existing;
    }
    var edge = { id: id, source: source, target: target, type: type, evidence: evidence.slice() };
    this.edges.set(id, edge);
    return edge;
  };

  function addTask(b, task, focusPlaceId) {
    var plan = task.plan || { id: 'plan:?', title: '(plan unknown)' };
    b.node(plan.id, { kind: 'plan', label: short(plan.title, 36), name: plan.title });
    var node = b.node(task.id, {
      kind: 'task',
      parent: plan.id,
      label: wrap(task.title, 13, 2),
      name: task.title,
      ref: task.ref,
      taskKind: task.kind,
      plan: plan.title,
      evidence: task.evidence ? [task.evidence] : [],
    });
    (task.locations || []).forEach(function (location) {
      var d = location.district;
      if (d.id !== focusPlaceId) b.node(d.id, { kind: 'place', label: d.name, name: d.name, level: d.level, w: textWidth(d.name, 13) + 20 });
      b.edge(task.id, d.id, 'LOCATED_IN', location.evidence ? [location.evidence] : []);
    });
    return node;
  }

  function assignmentEvidence(task, departmentId, role) {
    return (task.assignments || [])
      .filter(function (a) { return a.department && a.department.id === departmentId && a.role === role; })
      .map(function (a) { return a.evidence; });
  }

  /** From `district { leadingDepartments … }`. */
  function fromDistrict(district) {
    var b = new Builder();
    b.node(district.id, {
      kind: 'area',
      label: district.name + (district.code ? ' ' + district.code : ''),
      w: textWidth(district.name + (district.code ? ' ' + district.code : ''), 16) + 44,
      name: district.name,
      code: district.code,
      level: district.level,
      aliases: district.aliases,
      focus: true,
    });
    (district.leadingDepartments || []).forEach(function (group) {
      var dept = group.department;
      var body = b.node(dept.id, { kind: 'body', label: dept.name, name: dept.name, leads: 0, supports: 0, w: textWidth(dept.name, 13) + 22 });
      if (typeof group.taskCount === 'number' && group.taskCount > group.tasks.length) b.cut += group.taskCount - group.tasks.length;
      group.tasks.forEach(function (task) {
        addTask(b, task, district.id);
        var type = group.role === 'LEAD' ? 'LEADS' : 'SUPPORTS';
        b.edge(dept.id, task.id, type, assignmentEvidence(task, dept.id, group.role));
        if (type === 'LEADS') body.leads++;
        else body.supports++;
      });
    });
    return finish(b);
  }

  /** From `department { leads supports }`. */
  function fromDepartment(department) {
    var b = new Builder();
    var body = b.node(department.id, {
      kind: 'body',
      label: department.name,
      name: department.name,
      w: textWidth(department.name, 16) + 30,
      aliases: department.aliases,
      jurisdiction: department.jurisdiction && department.jurisdiction.name,
      focus: true,
      leads: 0,
      supports: 0,
    });
    [['leads', 'leadCount'], ['supports', 'supportCount']].forEach(function (spec) {
      var list = department[spec[0]];
      if (list && typeof department[spec[1]] === 'number' && department[spec[1]] > list.length) b.cut += department[spec[1]] - list.length;
    });
    [['leads', 'LEADS', 'LEAD'], ['supports', 'SUPPORTS', 'SUPPORT']].forEach(function (spec) {
      (department[spec[0]] || []).forEach(function (task) {
        addTask(b, task, null);
        b.edge(department.id, task.id, spec[1], assignmentEvidence(task, department.id, spec[2]));
        if (spec[1] === 'LEADS') body.leads++;
        else body.supports++;
      });
    });
    return finish(b);
  }

  function finish(b) {
    var nodes = Array.from(b.nodes.values());
    var edges = Array.from(b.edges.values());
    var count = function (kind) { return nodes.filter(function (n) { return n.kind === kind; }).length; };
    return {
      nodes: nodes,
      edges: edges,
      stats: {
        bodies: count('body'),
        tasks: count('task'),
        plans: count('plan'),
        places: count('place') + count('area'),
        leads: edges.filter(function (e) { return e.type === 'LEADS'; }).length,
        supports: edges.filter(function (e) { return e.type === 'SUPPORTS'; }).length,
        cut: b.cut,
      },
    };
  }

  function mean(values, fallback) {
    if (values.length === 0) return fallback;
    return values.reduce(function (s, v) { return s + v; }, 0) / values.length;
  }

  /**
   * Positions: bodies in the left column (busiest first), each plan a grid of its tasks in
   * the middle (tasks ordered by the bodies that hold them, so edges cross less), places on
   * the right near the tasks located in them, the asked-for area on top of them.
   */
  function layout(picture, viewport) {
    var pos = {};
    var byId = new Map(picture.nodes.map(function (n) { return [n.id, n]; }));
    var bodies = picture.nodes.filter(function (n) { return n.kind === 'body'; });
    bodies.sort(function (a, b) { return (b.leads * 2 + b.supports) - (a.leads * 2 + a.supports) || (a.name < b.name ? -1 : 1); });
    var bodyIndex = new Map();
    bodies.forEach(function (n, i) { bodyIndex.set(n.id, i); });

    var holders = new Map();
    picture.edges.forEach(function (e) {
      if (e.type !== 'LEADS' && e.type !== 'SUPPORTS') return;
      if (!holders.has(e.target)) holders.set(e.target, []);
      holders.get(e.target).push(bodyIndex.get(e.source));
    });

    var plans = picture.nodes.filter(function (n) { return n.kind === 'plan'; });
    var tasksOf = new Map(plans.map(function (p) { return [p.id, []]; }));
    picture.nodes.forEach(function (n) { if (n.kind === 'task') tasksOf.get(n.parent).push(n); });
    var rank = function (t) { return mean((holders.get(t.id) || []).filter(function (i) { return i !== undefined; }), bodies.length); };
    plans.sort(function (a, b) { return mean(tasksOf.get(a.id).map(rank), 0) - mean(tasksOf.get(b.id).map(rank), 0); });

    // Task columns, and columns for the bodies and the places when they are many: whatever lets
    // the whole picture fit the view largest (fewer columns unless more gain clearly).
    var bodyWidth = bodies.reduce(function (m, n) { return Math.max(m, n.w || 0); }, 0);
    var places = picture.nodes.filter(function (n) { return n.kind === 'place'; });
    var placeWidth = picture.nodes.reduce(function (m, n) { return n.kind === 'place' || n.kind === 'area' ? Math.max(m, n.w || 0) : m; }, 0);
    var aspect = viewport && viewport.w > 0 && viewport.h > 0 ? viewport.w / viewport.h : 1.4;
    var choice = { tasks: 1, bodies: 1, places: 1 };
    var best = 0;
    var tasksHeight = function (c) {
      return plans.reduce(function (sum, p) { var n = tasksOf.get(p.id).length; return sum + 110 + Math.ceil(n / Math.min(c, Math.max(n, 1))) * (TASK_H + GAP); }, -70);
    };
    for (var bc = 1; bc <= 3; bc++) {
      for (var pc = 1; pc <= 3; pc++) {
        for (var c = 1; c <= 8; c++) {
          var h = Math.max(tasksHeight(c), Math.ceil(bodies.length / bc) * BODY_ROW, Math.ceil(places.length / pc) * PLACE_ROW + 120);
          var w = bc * (bodyWidth + 24) + 230 + c * (TASK_W + GAP) + 180 + pc * (placeWidth + 24);
          var zoom = Math.min(aspect / w, 1 / h);
          if (zoom > best * 1.06) {
            best = zoom;
            choice = { tasks: c, bodies: bc, places: pc };
          }
        }
      }
    }

    var planX = 230 + TASK_W / 2;
    var y = 0;
    var widest = 0;
    plans.forEach(function (plan) {
      var tasks = tasksOf.get(plan.id).sort(function (a, b) { return rank(a) - rank(b) || (a.id < b.id ? -1 : 1); });
      var columns = Math.max(1, Math.min(choice.tasks, tasks.length));
      tasks.forEach(function (t, i) {
        pos[t.id] = { x: planX + (i % columns) * (TASK_W + GAP), y: y + 40 + Math.floor(i / columns) * (TASK_H + GAP) };
      });
      widest = Math.max(widest, columns * (TASK_W + GAP));
      y += 40 + Math.ceil(tasks.length / columns) * (TASK_H + GAP) + 70;
    });
    var middleHeight = Math.max(y - 70, 1);

    // Bodies right-aligned in their column, so edges leave it at one x; the busiest in the
    // column next to the tasks.
    var bodyRows = Math.ceil(bodies.length / choice.bodies);
    bodies.forEach(function (n, i) {
      var column = Math.floor(i / bodyRows);
      var inColumn = Math.min(bodyRows, bodies.length - column * bodyRows);
      var top = (middleHeight - inColumn * BODY_ROW) / 2;
      pos[n.id] = { x: -column * (bodyWidth + 24) - (n.w || bodyWidth) / 2, y: top + (i % bodyRows) * BODY_ROW };
    });

    // Places near the tasks located in them (one column), else in columns in that order.
    var placeX = planX + widest + 180;
    var placeY = new Map();
    picture.edges.forEach(function (e) {
      if (e.type !== 'LOCATED_IN' || !pos[e.source]) return;
      if (!placeY.has(e.target)) placeY.set(e.target, []);
      placeY.get(e.target).push(pos[e.source].y);
    });
    places.sort(function (a, b) { return mean(placeY.get(a.id) || [], 0) - mean(placeY.get(b.id) || [], 0); });
    var placeRows = Math.ceil(places.length / choice.places);
    places.forEach(function (n, i) {
      var column = Math.floor(i / placeRows);
      var row = i % placeRows;
      var inColumn = Math.min(placeRows, places.length - column * placeRows);
      var top = Math.max(0, (middleHeight - inColumn * PLACE_ROW) / 2);
      var x = placeX + column * (placeWidth + 24) + (n.w || 80) / 2;
      if (choice.places > 1) {
        pos[n.id] = { x: x, y: top + row * PLACE_ROW };
        return;
      }
      var wanted = mean(placeY.get(n.id) || [], top + row * PLACE_ROW);
      var previous = i > 0 ? pos[places[i - 1].id].y + PLACE_ROW : top;
      pos[n.id] = { x: x, y: Math.max(previous, Math.min(wanted, top + row * PLACE_ROW + middleHeight / 3)) };
    });
    var area = picture.nodes.filter(function (n) { return n.kind === 'area'; })[0];
    if (area) {
      var first = places.length ? pos[places[0].id].y : middleHeight / 2 + 30;
      pos[area.id] = { x: placeX + (area.w || 120) / 2, y: Math.min(first, middleHeight / 2) - 70 };
    }
    if (bodies.length && bodies[0].focus) pos[bodies[0].id] = { x: -(bodies[0].w || 200) / 2, y: middleHeight / 2 };
    return pos;
  }

  return { fromDistrict: fromDistrict, fromDepartment: fromDepartment, layout: layout, short: short, textWidth: textWidth };
})();
