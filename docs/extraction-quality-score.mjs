// Scores a graph document against the hand-checked sample: precision/recall per fact type.
// Usage: npx plangraph extract seeds tests/fixtures tests/fixtures/unseen --out /tmp/g.json
//        node docs/extraction-quality-score.mjs docs/extraction-quality-sample.txt /tmp/g.json [-v]   (DOCS=<regex> limits documents)
import fs from 'node:fs';
const [,, goldFile, graphFile] = process.argv;
const g = JSON.parse(fs.readFileSync(graphFile, 'utf8'));
const nodes = new Map(g.nodes.map((n) => [n.id, n]));
const norm = (s) => String(s).replace(/[\s\p{P}\p{S}]/gu, '');
const gold = { B: [], G: [], T: [], P: [], X: [] };
const scopeP = new Map();
for (const line of fs.readFileSync(goldFile, 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const f = line.split('|');
  if (f[0] === 'SCOPE') { scopeP.set(f[2], f[3].split(',').map((r) => r.split('-').map(Number))); continue; }
  gold[f[0]].push(f.slice(1));
}
const only = process.env.DOCS ? new RegExp(process.env.DOCS) : undefined;
for (const k of Object.keys(gold)) gold[k] = gold[k].filter((x) => !only || only.test(x[0]));
const docs = new Set([...gold.B, ...gold.G, ...gold.T].map((x) => x[0]));
const simp = (d) => d; // documents keyed by file name
const score = (name, goldKeys, got) => {
  const gset = new Set(goldKeys);
  const tp = [...got].filter((k) => gset.has(k)).length;
  const p = got.size ? tp / got.size : 1, r = gset.size ? tp / gset.size : 1;
  return { name, gold: gset.size, extracted: got.size, tp, precision: +p.toFixed(3), recall: +r.toFixed(3), fp: [...got].filter((k) => !gset.has(k)), fn: [...gset].filter((k) => !got.has(k)) };
};
const out = [];
for (const role of ['L', 'S']) {
  const type = role === 'L' ? 'LEADS' : 'SUPPORTS';
  const goldKeys = gold.B.filter((b) => b[2] === role).map((b) => `${b[0]}|${b[1]}|${b[3]}`);
  const got = new Set(g.relationships.filter((r) => r.type === type && docs.has(r.properties.document)).map((r) => `${r.properties.document}|${r.properties.line}|${nodes.get(r.start)?.properties.name}`));
  out.push(score(type, goldKeys, got));
}
// Goals: matched on document, target year and value as printed (names vary in wording).
const goldGoals = gold.G.map((x) => `${x[0]}|${x[2]}|${norm(x[3])}`);
const gotGoals = new Set(g.nodes.filter((n) => n.labels.includes('Goal') && docs.has(n.properties.document)).map((n) => `${n.properties.document}|${n.properties.targetYear}|${norm(n.properties.targetValue)}`));
out.push(score('Goal', goldGoals, gotGoals));
// TARGETS: the sentence (evidence line) that links a task to the goal (year, value).
const dropT = new Set(gold.X.map((x) => `${x[0]}|${x[1]}|${x[2]}|${norm(x[3])}`));
const goldT = [...gold.T, ...gold.G].map((x) => `${x[0]}|${x[1]}|${x[2]}|${norm(x[3])}`).filter((k) => !dropT.has(k));
const gotT = new Set(g.relationships.filter((r) => r.type === 'TARGETS' && docs.has(r.properties.document)).map((r) => { const p = nodes.get(r.end).properties; return `${r.properties.document}|${r.properties.line}|${p.targetYear}|${norm(p.targetValue)}`; }));
out.push(score('TARGETS', goldT, gotT));
// Projects: by name (punctuation-insensitive), those whose evidence line is in the sampled ranges.
const inScope = (doc, line) => (!only || only.test(doc)) && (scopeP.get(doc) ?? []).some(([a, b]) => line >= a && line <= b);
const goldP = gold.P.map((x) => `${x[0]}|${norm(x[1])}`);
const gotP = new Set();
for (const n of g.nodes.filter((n) => n.labels.includes('Project'))) {
  for (const r of g.relationships.filter((r) => (r.type === 'PART_OF' && r.start === n.id) || (r.type === 'MENTIONS' && r.end === n.id))) {
    if (inScope(r.properties.document, r.properties.line)) gotP.add(`${r.properties.document}|${norm(n.properties.name)}`);
  }
}
out.push(score('Project', goldP, gotP));
const verbose = process.argv.includes('-v');
for (const o of out) {
  console.log(`${o.name.padEnd(9)} gold ${String(o.gold).padStart(4)}  extracted ${String(o.extracted).padStart(4)}  TP ${String(o.tp).padStart(4)}  P ${o.precision.toFixed(3)}  R ${o.recall.toFixed(3)}`);
  if (verbose) { for (const k of o.fp) console.log('   FP', k); for (const k of o.fn) console.log('   FN', k); }
}
