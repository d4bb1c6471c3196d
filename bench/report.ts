/**
 * The benchmark's one table and its targets (issue 5), from the results object run.ts writes.
 * Columns: PlanGraph (queries: as served, response cache on), PlanGraph's queries with the cache
 * off, the floor (decode-only reader / naive writer / driver endpoint), the peer
 * (@neo4j/graphql), the target and whether it is met. Targets judge the served configuration.
 */
import type { QueryFigures } from './queries/index.ts';

export interface Target {
  name: string;
  target: string;
  value: number | string;
  met: boolean;
}

// Partial: a run limited with --only, or a server that failed to start, leaves figures out.
type Results = Record<string, any> & { queries?: Record<string, Partial<QueryFigures[string]>> };

export function targetsOf(r: Results): Target[] {
  const t: Target[] = [];
  const add = (name: string, target: string, value: number | null | undefined, met: (v: number) => boolean) => {
    if (value === null) t.push({ name, target, value: 'no answer', met: false });
    else if (value !== undefined && Number.isFinite(value)) t.push({ name, target, value, met: met(value) });
  };
  add('extraction.mbPerSecPerCore.seeds', '≥ 5', r.extraction?.mbPerSecPerCore.seeds, (v) => v >= 5);
  add('extraction.mbPerSecPerCore.corpus', '≥ 5', r.extraction?.mbPerSecPerCore.corpus, (v) => v >= 5);
  add('load.seedsSeconds', '≤ 5', r.load?.seedsSeconds, (v) => v <= 5);
  add('load.corpusElementsPerSec', '≥ 20000', r.load?.corpusElementsPerSec, (v) => v >= 20000);
  add('load.corpusPeakRssMb', '< 1024', r.load?.corpusPeakRssMb, (v) => v < 1024);
  add('load.reloadChanged', '= 0', r.load?.reloadChanged, (v) => v === 0);
  const q = r.queries;
  if (q) {
    add('queries.flagship.graphql.c32.p99', '≤ 50 ms', q.flagship?.graphql?.c32?.p99, (v) => v <= 50);
    for (const [name, byKind] of Object.entries(q)) {
      for (const c of ['c1', 'c32'] as const) {
        const mine = byKind.graphql?.[c]?.p50;
        const floor = byKind.driver?.[c]?.p50;
        const peer = byKind.peer?.[c]?.p50;
        const ratio = (a: number | null | undefined, b: number | null | undefined) =>
          a === undefined || b === undefined ? undefined : a === null ? null : b === null ? 0 : Math.round((a / Math.max(b, 1)) * 100) / 100;
        add(`queries.${name}.${c}.p50 / driver`, '≤ 1.5', ratio(mine, floor), (v) => v <= 1.5);
        add(`queries.${name}.${c}.p50 / peer`, '≤ 1', ratio(mine, peer), (v) => v <= 1);
      }
    }
  }
  return t;
}

const fmt = (v: unknown): string => (v === undefined || v === null ? '—' : typeof v === 'number' ? (Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en-US') : String(v)) : String(v));

export function printTable(r: Results): string {
  const targets = new Map((r.targets as Target[] | undefined)?.map((t) => [t.name, t]) ?? []);
  const rows: string[][] = [['figure', 'PlanGraph', 'no cache', 'floor', 'peer', 'target', 'met']];
  const mark = (key: string) => {
    const t = targets.get(key);
    return t ? [t.target, t.met ? 'yes' : 'NO'] : ['', ''];
  };
  const e = r.extraction;
  if (e) {
    rows.push(['extraction seeds, MB/s per core', fmt(e.mbPerSecPerCore.seeds), '', fmt(e.baselineMbPerSecPerCore.seeds), '', ...mark('extraction.mbPerSecPerCore.seeds')]);
    if (e.coldMbPerSecPerCore?.seeds !== undefined) rows.push(['extraction seeds, first (cold) pass, MB/s per core', fmt(e.coldMbPerSecPerCore.seeds), '', '', '', '', '']);
    rows.push([`extraction corpus (${e.corpus.documents} docs, ${e.corpus.mb} MB), MB/s per core`, fmt(e.mbPerSecPerCore.corpus), '', fmt(e.baselineMbPerSecPerCore.corpus), '', ...mark('extraction.mbPerSecPerCore.corpus')]);
    if (e.duringLoadMbPerSecPerCore?.corpus !== undefined) rows.push(['extraction corpus inside the load (writes in flight), MB/s per core', fmt(e.duringLoadMbPerSecPerCore.corpus), '', '', '', '', '']);
  }
  const l = r.load;
  if (l) {
    rows.push(['load seeds into empty Neo4j, s', fmt(l.seedsSeconds), '', fmt(l.seedsBaselineSeconds), '', ...mark('load.seedsSeconds')]);
    rows.push(['load corpus, elements written/s', fmt(l.corpusElementsPerSec), '', fmt(l.corpusBaselineElementsPerSec), '', ...mark('load.corpusElementsPerSec')]);
    if (l.corpusElementsPerCpuSecond !== undefined) rows.push(['load corpus, elements per CPU second (Neo4j + loader)', fmt(l.corpusElementsPerCpuSecond), '', '', '', '', '']);
    if (l.corpusEndToEndElementsPerSec !== undefined) rows.push(['load corpus from source (extraction too), elements/s', fmt(l.corpusEndToEndElementsPerSec), '', '', '', '', '']);
    if (l.corpusEndToEndWorkersElementsPerSec !== undefined) {
      rows.push([`  same, extraction on ${l.corpusEndToEndWorkers} workers (vs 1 above), elements/s`, fmt(l.corpusEndToEndWorkersElementsPerSec), '', '', '', '≥1.7× 1 worker', l.corpusEndToEndWorkersElementsPerSec >= 1.7 * l.corpusEndToEndElementsPerSec ? 'yes' : 'no']);
      if (l.corpusElementsPerSec !== undefined && l.corpusEndToEndElementsPerSec > 0) {
        // No number of workers loads faster than the write alone (the graph files, nothing to extract).
        const ratio = (x: number) => `${(x / l.corpusEndToEndElementsPerSec).toFixed(2)}×`;
        rows.push([`  ratio to 1 worker: ${ratio(l.corpusEndToEndWorkersElementsPerSec)}; the write alone ${ratio(l.corpusElementsPerSec)} (no worker count beats it)`, '', '', '', '', '', '']);
      }
    }
    rows.push(['load corpus, peak RSS MB (floor: RSS at start)', fmt(l.corpusPeakRssMb), '', fmt(l.corpusRssAtStartMb), '', ...mark('load.corpusPeakRssMb')]);
    rows.push(['reload corpus unchanged, s', fmt(l.reloadSeconds), '', '', '', '', '']);
    rows.push(['reload corpus unchanged, elements changed', fmt(l.reloadChanged), '', '0', '', ...mark('load.reloadChanged')]);
  }
  for (const [name, byKind] of Object.entries(r.queries ?? {})) {
    for (const c of ['c1', 'c32'] as const) {
      for (const m of ['p50', 'p99', 'rps'] as const) {
        const key = m === 'p50' ? `queries.${name}.${c}.p50 / driver` : name === 'flagship' && c === 'c32' && m === 'p99' ? 'queries.flagship.graphql.c32.p99' : '';
        let target = key ? mark(key) : ['', ''];
        if (m === 'p50') {
          const vsPeer = targets.get(`queries.${name}.${c}.p50 / peer`);
          const vsDriver = targets.get(key);
          if (vsPeer && vsDriver) target = [`≤1.5×floor, ≤peer`, vsDriver.met && vsPeer.met ? 'yes' : `NO (${vsDriver.value}×, ${vsPeer.value}×)`];
        }
        const unit = m === 'rps' ? 'req/s' : `${m} ms`;
        rows.push([`${name} ${c} ${unit}`, fmt(byKind.graphql?.[c]?.[m]), fmt(byKind.graphqlNoCache?.[c]?.[m]), fmt(byKind.driver?.[c]?.[m]), fmt(byKind.peer?.[c]?.[m]), ...target]);
      }
      const hitRate = byKind.graphql?.[c]?.cacheHitRate;
      if (hitRate !== undefined) rows.push([`${name} ${c} cache hit rate %`, fmt(Math.round(hitRate * 1000) / 10), '', '', '', '', '']);
    }
  }
  const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u2E80-\u9FFF\uFF00-\uFFEF]/.test(ch) ? 2 : 1), 0);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => width(row[i]))));
  const line = (row: string[]) => row.map((cell, i) => (i === 0 ? cell + ' '.repeat(widths[i] - width(cell)) : ' '.repeat(widths[i] - width(cell)) + cell)).join('  ');
  const m = r.meta ?? {};
  return [
    `PlanGraph benchmark ${m.date ?? ''} — ${m.machine?.cpus} cores, load average ${m.machine?.loadAverageAtStart?.join(' ')} → ${m.loadAverageAtEnd?.join(' ')}, Neo4j ${m.neo4j?.version ?? '?'}`,
    line(rows[0]),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.slice(1).map(line),
  ].join('\n');
}
