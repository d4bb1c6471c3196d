// The view as files an analyst takes away: PNG (Cytoscape's own rendering), SVG (drawn here
// from the laid-out view, so it opens in Illustrator, Inkscape or a report as vectors) and
// JSON (every node and edge with its evidence and position).
/* exported PlanGraphExports */
var PlanGraphExports = (function () {
  function xml(text) {
    return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }

  function png(cy) {
    return cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 });
  }

  /** The drawn style of an element, as SVG attributes. */
  function paint(el) {
    return {
      fill: el.style('background-color'),
      stroke: el.style('border-color'),
      strokeWidth: parseFloat(el.style('border-width')) || 0,
      opacity: parseFloat(el.style('background-opacity')),
    };
  }

  function nodeShape(node) {
    var p = node.position();
    var w = node.outerWidth() - (parseFloat(node.style('border-width')) || 0);
    var h = node.outerHeight() - (parseFloat(node.style('border-width')) || 0);
    var s = paint(node);
    var common = ' fill="' + s.fill + '" fill-opacity="' + (isNaN(s.opacity) ? 1 : s.opacity) + '" stroke="' + s.stroke + '" stroke-width="' + s.strokeWidth + '"';
    var shape = node.style('shape');
    if (node.isParent()) {
      var bb = node.boundingBox({ includeLabels: false });
      return '<rect x="' + bb.x1 + '" y="' + bb.y1 + '" width="' + bb.w + '" height="' + bb.h + '" rx="10"' + common + '/>';
    }
    if (shape === 'ellipse') return '<ellipse cx="' + p.x + '" cy="' + p.y + '" rx="' + w / 2 + '" ry="' + h / 2 + '"' + common + '/>';
    if (shape === 'diamond' || shape === 'star' || shape === 'hexagon') {
      var pts = shape === 'diamond'
        ? [[0, -h / 2], [w / 2, 0], [0, h / 2], [-w / 2, 0]]
        : [[-w / 4, -h / 2], [w / 4, -h / 2], [w / 2, 0], [w / 4, h / 2], [-w / 4, h / 2], [-w / 2, 0]];
      return '<polygon points="' + pts.map(function (q) { return (p.x + q[0]) + ',' + (p.y + q[1]); }).join(' ') + '"' + common + '/>';
    }
    return '<rect x="' + (p.x - w / 2) + '" y="' + (p.y - h / 2) + '" width="' + w + '" height="' + h + '" rx="6"' + common + '/>';
  }

  function label(el, x, y) {
    var text = el.data('label');
    if (!text) return '';
    var size = parseFloat(el.style('font-size')) || 11;
    var color = el.style('color');
    var lines = String(text).split('\n');
    return '<text x="' + x + '" y="' + (y - ((lines.length - 1) * size * 0.6)) + '" font-size="' + size + '" fill="' + color + '" text-anchor="middle" dominant-baseline="middle">' +
      lines.map(function (line, i) { return '<tspan x="' + x + '" dy="' + (i === 0 ? 0 : size * 1.2) + '">' + xml(line) + '</tspan>'; }).join('') + '</text>';
  }

  function svg(cy) {
    var bb = cy.elements().boundingBox({ includeLabels: true });
    var pad = 20;
    var out = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="' + (bb.x1 - pad) + ' ' + (bb.y1 - pad) + ' ' + (bb.w + 2 * pad) + ' ' + (bb.h + 2 * pad) + '" width="' + Math.round(bb.w + 2 * pad) + '" height="' + Math.round(bb.h + 2 * pad) + '" font-family="Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif">',
      '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/></marker></defs>',
      '<rect x="' + (bb.x1 - pad) + '" y="' + (bb.y1 - pad) + '" width="' + (bb.w + 2 * pad) + '" height="' + (bb.h + 2 * pad) + '" fill="#ffffff"/>',
    ];
    cy.nodes(':parent').forEach(function (n) {
      var bb2 = n.boundingBox({ includeLabels: false });
      out.push('<g class="plan" data-id="' + xml(n.id()) + '">' + nodeShape(n) + label(n, bb2.x1 + bb2.w / 2, bb2.y1 - 10) + '</g>');
    });
    cy.edges().forEach(function (e) {
      var s = e.sourceEndpoint();
      var t = e.targetEndpoint();
      var dash = e.style('line-style') === 'dashed' ? ' stroke-dasharray="6 4"' : e.style('line-style') === 'dotted' ? ' stroke-dasharray="2 3"' : '';
      out.push('<line class="edge" data-type="' + e.data('type') + '" x1="' + s.x + '" y1="' + s.y + '" x2="' + t.x + '" y2="' + t.y + '" stroke="' + e.style('line-color') +
        '" stroke-width="' + parseFloat(e.style('width')) + '" stroke-opacity="' + e.style('opacity') + '"' + dash + (e.data('type') === 'LOCATED_IN' ? '' : ' marker-end="url(#arrow)"') + '/>');
    });
    cy.nodes(':childless').forEach(function (n) {
      var p = n.position();
      out.push('<g class="node" data-id="' + xml(n.id()) + '" data-kind="' + n.data('kind') + '">' + nodeShape(n) + label(n, p.x, p.y) + '</g>');
    });
    out.push('</svg>', '');
    return out.join('\n');
  }

  function json(cy, meta) {
    var nodes = cy.nodes().map(function (n) {
      var d = Object.assign({}, n.data());
      return { id: d.id, kind: d.kind, name: d.name, data: d, position: n.isParent() ? null : n.position() };
    });
    var edges = cy.edges().map(function (e) {
      return { id: e.id(), type: e.data('type'), source: e.data('source'), target: e.data('target'), evidence: e.data('evidence') };
    });
    return JSON.stringify({ source: 'PlanGraph explore', exportedAt: new Date().toISOString(), query: meta, nodes: nodes, edges: edges }, null, 2);
  }

  function download(name, blobOrText, type) {
    var blob = blobOrText instanceof Blob ? blobOrText : new Blob([blobOrText], { type: type });
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  return { png: png, svg: svg, json: json, download: download };
})();
