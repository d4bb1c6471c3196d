// Scores a graph document against a hand-checked sample: precision/recall per fact type, and per layout.
// Usage: npx plangraph extract seeds tests/fixtures tests/fixtures/unseen --out /tmp/g.json
//        node docs/extraction-quality-score.mjs docs/extraction-quality-sample.txt /tmp/g.json [-v]   (DOCS=<regex> limits documents)
//        npx plangraph extract tests/fixtures/real-layouts --out /tmp/rl.json
//        node docs/extraction-quality-score.mjs docs/extraction-quality-real-layouts.txt /tmp/rl.json [-v] [-d]   (-d: one line per document)
// Gold line types: B|doc|line|L/S|body (line may be a range first-last: any line in it matches),
// G|doc|line|year|value|name, T|doc|line|year|value, X (removes an implied T), P|doc|name, SCOPE|P|doc|ranges,
// J|doc|division code|division name (the District the Plan GOVERNS), LAYOUT|doc|layout (per-layout table).
// Also a module: `scoreGold(goldText, graph, { only })` is what tests/loaders/real-layouts.test.ts asserts on.
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

const norm = (s) => String(s).replace(/[\s\p{P}\p{S}]/gu, '');

export function parseGold(text) {
  const gold = { B: [], G: [], T: [], P: [], X: [], J: [], LAYOUT: [] };
  const scopeP = new Map();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const f = line.split('|');
    if (f[0] === 'SCOPE') { scopeP.set(f[2], f[3].split(',').map((r) => r.split('-').map(Number))); continue; }
    if (!gold[f[0]]) throw new Error(`gold: unknown line type "${f[0]}" in: ${line}`);
    gold[f[0]].push(f.slice(1));
  }
  return { gold, scopeP };
}

/** "57" or "31-35" → [first, last]. */
const range = (s) => { const [a, b] = String(s).split('-').map(Number); return [a, b ?? a]; };

function tally(name, goldItems, gotItems, matches) {
  // A gold item is found when some extracted item matches it; an extracted item is right when it matches some gold item.
  const found = goldItems.filter((g) => gotItems.some((x) => matches(g, x)));
  const right = gotItems.filter((x) => goldItems.some((g) => matches(g, x)));
  const p = gotItems.length ? right.length / gotItems.length : 1, r = goldItems.length ? found.length / goldItems.length : 1;
  return {
    name, gold: goldItems.length, extracted: gotItems.length, tp: right.length, found: found.length,
    precision: +p.toFixed(3), recall: +r.toFixed(3),
    fp: gotItems.filter((x) => !goldItems.some((g) => matches(g, x))).map((x) => x.key),
    fn: goldItems.filter((g) => !gotItems.some((x) => matches(g, x))).map((g) => g.key),
  };
}

/** Precision/recall of every fact type over the documents of the gold (optionally those `only` matches). */
export function scoreGold(goldText, graph, { only } = {}) {
  const { gold, scopeP } = parseGold(goldText);
  const keep = (doc) => !only || only.test(doc);
  for (const k of Object.keys(gold)) gold[k] = gold[k].filter((x) => keep(x[0]));
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const docs = new Set([...gold.B, ...gold.G, ...gold.T, ...gold.J, ...gold.LAYOUT].map((x) => x[0]));
  const out = [];
  for (const role of ['L', 'S']) {
    const type = role === 'L' ? 'LEADS' : 'SUPPORTS';
    const g = gold.B.filter((b) => b[2] === role).map((b) => ({ doc: b[0], lines: range(b[1]), body: b[3], key: `${b[0]}|${b[1]}|${b[3]}` }));
    const got = [...new Map(graph.relationships
      .filter((r) => r.type === type && docs.has(r.properties.document))
      .map((r) => { const body = nodes.get(r.start)?.properties.name; const key = `${r.properties.document}|${r.properties.line}|${body}`; return [key, { doc: r.properties.document, line: r.properties.line, body, key }]; })).values()];
    out.push(tally(type, g, got, (a, x) => a.doc === x.doc && a.body === x.body && x.line >= a.lines[0] && x.line <= a.lines[1]));
  }
  // Goals: matched on document, target year and value as printed (names vary in wording).
  const same = (a, x) => a.key === x.key;
  const uniq = (keys) => [...new Set(keys)].map((key) => ({ key }));
  const goldGoals = uniq(gold.G.map((x) => `${x[0]}|${x[2]}|${norm(x[3])}`));
  const gotGoals = uniq(graph.nodes.filter((n) => n.labels.includes('Goal') && docs.has(n.properties.document)).map((n) => `${n.properties.document}|${n.properties.targetYear}|${norm(n.properties.targetValue)}`));
  out.push(tally('Goal', goldGoals, gotGoals, same));
  // Jurisdiction: the District (division code, else name) the document's Plan GOVERNS.
  if (gold.J.length) {
    const division = (n) => n?.properties.code ?? n?.properties.name;
    const goldJ = gold.J.map((x) => ({ key: `${x[0]}|${x[1] || x[2]}` }));
    const gotJ = uniq(graph.relationships.filter((r) => r.type === 'GOVERNS' && docs.has(r.properties.document)).map((r) => `${r.properties.document}|${division(nodes.get(r.end))}`));
    out.push(tally('Jurisdiction', goldJ, gotJ, same));
  }
  // TARGETS: the sentence (evidence line) that links a task to the goal (year, value). Only where the gold states them.
  if (gold.T.length || gold.P.length) {
    const dropT = new Set(gold.X.map((x) => `${x[0]}|${x[1]}|${x[2]}|${norm(x[3])}`));
    const goldT = uniq([...gold.T, ...gold.G].map((x) => `${x[0]}|${x[1]}|${x[2]}|${norm(x[3])}`).filter((k) => !dropT.has(k)));
    const gotT = uniq(graph.relationships.filter((r) => r.type === 'TARGETS' && docs.has(r.properties.document)).map((r) => { const p = nodes.get(r.end).properties; return `${r.properties.document}|${r.properties.line}|${p.targetYear}|${norm(p.targetValue)}`; }));
    out.push(tally('TARGETS', goldT, gotT, same));
    // Projects: by name (punctuation-insensitive), those whose evidence line is in the sampled ranges.
    const inScope = (doc, line) => keep(doc) && (scopeP.get(doc) ?? []).some(([a, b]) => line >= a && line <= b);
    const goldP = uniq(gold.P.map((x) => `${x[0]}|${norm(x[1])}`));
    const gotP = new Set();
    for (const n of graph.nodes.filter((n) => n.labels.includes('Project'))) {
      for (const r of graph.relationships.filter((r) => (r.type === 'PART_OF' && r.start === n.id) || (r.type === 'MENTIONS' && r.end === n.id))) {
        if (inScope(r.properties.document, r.properties.line)) gotP.add(`${r.properties.document}|${norm(n.properties.name)}`);
      }
    }
    out.push(tally('Project', goldP, uniq(gotP), same));
  }
  return out;
}

/** The same figures for each layout of the gold's LAYOUT lines (documents without one: "(none)"). */
export function scoreByLayout(goldText, graph, { only } = {}) {
  const { gold } = parseGold(goldText);
  const layouts = new Map();
  for (const [doc, layout] of gold.LAYOUT) if (!only || only.test(doc)) layouts.set(layout, [...(layouts.get(layout) ?? []), doc]);
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...layouts].sort(([a], [b]) => a.localeCompare(b)).map(([layout, docs]) => ({
    layout, documents: docs.length, facts: scoreGold(goldText, graph, { only: new RegExp(`^(${docs.map(escape).join('|')})$`) }),
  }));
}

function main() {
  const [,, goldFile, graphFile] = process.argv;
  const goldText = fs.readFileSync(goldFile, 'utf8');
  const graph = JSON.parse(fs.readFileSync(graphFile, 'utf8'));
  const only = process.env.DOCS ? new RegExp(process.env.DOCS) : undefined;
  const verbose = process.argv.includes('-v');
  for (const o of scoreGold(goldText, graph, { only })) {
    console.log(`${o.name.padEnd(12)} gold ${String(o.gold).padStart(4)}  extracted ${String(o.extracted).padStart(4)}  TP ${String(o.tp).padStart(4)}  P ${o.precision.toFixed(3)}  R ${o.recall.toFixed(3)}`);
    if (verbose) { for (const k of o.fp) console.log('   FP', k); for (const k of o.fn) console.log('   FN', k); }
  }
  if (process.argv.includes('-d')) {
    // One line per document: gold items found / gold, and wrong extracted items, per fact type.
    const { gold } = parseGold(goldText);
    const docs = [...new Set([...gold.LAYOUT, ...gold.B, ...gold.G].map((x) => x[0]))].filter((d) => !only || only.test(d));
    console.log('');
    for (const doc of docs) {
      const facts = scoreGold(goldText, graph, { only: new RegExp(`^${doc.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
      console.log(`${doc.padEnd(48)} ${facts.map((f) => `${f.name} ${f.found}/${f.gold}${f.extracted > f.tp ? ` +${f.extracted - f.tp} wrong` : ''}`).join('  ')}`);
    }
  }
  const layouts = scoreByLayout(goldText, graph, { only });
  if (layouts.length) {
    const facts = layouts[0].facts.map((f) => f.name);
    // Precision "–" when nothing was extracted (there is nothing to be right or wrong about).
    const cell = (f) => `${f.extracted ? f.precision.toFixed(2) : '–'} / ${f.recall.toFixed(2)} (${f.gold})`;
    console.log(`\n| layout | docs | ${facts.map((f) => `${f} P / R (gold)`).join(' | ')} |`);
    console.log(`|---|---|${facts.map(() => '---|').join('')}`);
    for (const l of layouts) console.log(`| ${l.layout} | ${l.documents} | ${l.facts.map(cell).join(' | ')} |`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
