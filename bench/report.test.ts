import { describe, expect, it } from 'vitest';
import { generateCorpus } from './corpus/generate.ts';
import { printTable, targetsOf } from './report.ts';

const figures = (p50: number | null, p99: number | null, rps = 10) => ({ p50, p99, rps, requests: 1, errors: 0, non2xx: 0 });

describe('targets', () => {
  it('judges each figure against issue 5, PlanGraph against the floor and the peer of the same run', () => {
    const targets = targetsOf({
      extraction: { mbPerSecPerCore: { seeds: 6, corpus: 4.9 } },
      load: { seedsSeconds: 5, corpusElementsPerSec: 19_999, corpusPeakRssMb: 1023, reloadChanged: 0 },
      queries: {
        flagship: {
          graphql: { c1: figures(15, 20), c32: figures(40, 51) },
          driver: { c1: figures(10, 12), c32: figures(20, 30) },
          peer: { c1: figures(16, 30), c32: figures(30, 60) },
        },
      },
    });
    const met = Object.fromEntries(targets.map((t) => [t.name, t.met]));
    expect(met).toEqual({
      'extraction.mbPerSecPerCore.seeds': true,
      'extraction.mbPerSecPerCore.corpus': false,
      'load.seedsSeconds': true,
      'load.corpusElementsPerSec': false,
      'load.corpusPeakRssMb': true,
      'load.reloadChanged': true,
      'queries.flagship.graphql.c32.p99': false,
      'queries.flagship.c1.p50 / driver': true,
      'queries.flagship.c1.p50 / peer': true,
      'queries.flagship.c32.p50 / driver': false,
      'queries.flagship.c32.p50 / peer': false,
    });
  });

  it('counts a run where PlanGraph answered nothing as missed, not as 0 ms', () => {
    const [t] = targetsOf({ queries: { flagship: { graphql: { c1: figures(null, null, 0), c32: figures(null, null, 0) } } } });
    expect(t).toMatchObject({ name: 'queries.flagship.graphql.c32.p99', value: 'no answer', met: false });
  });

  it('prints one table with the baseline beside each figure', () => {
    const r = { extraction: { mbPerSecPerCore: { seeds: 1.5, corpus: 1.2 }, baselineMbPerSecPerCore: { seeds: 30, corpus: 28 }, corpus: { documents: 500, mb: 43.2 } } };
    const table = printTable({ ...r, targets: targetsOf(r) });
    expect(table).toMatch(/extraction seeds, MB\/s per core\s+1\.5\s+30\s+≥ 5\s+NO/);
    expect(table).toMatch(/extraction corpus \(500 docs, 43\.2 MB\)/);
  });

  it('prints PlanGraph as served and with its response cache off side by side, and judges only the served figures', () => {
    const r = {
      queries: {
        departmentTasks: {
          graphql: { c1: { ...figures(2, 4, 400), cacheHitRate: 1 }, c32: figures(30, 40) },
          graphqlNoCache: { c1: figures(6, 9, 150), c32: figures(90, 120) },
          driver: { c1: figures(4, 8), c32: figures(60, 80) },
          peer: { c1: figures(3, 6), c32: figures(50, 70) },
        },
      },
    };
    const targets = targetsOf(r);
    expect(targets.find((t) => t.name === 'queries.departmentTasks.c1.p50 / driver')).toMatchObject({ value: 0.5, met: true });
    // Every target, and only these: each ratio from the served figures (the no-cache ones would give 1.5, 2, 1.5, 1.8).
    expect(Object.fromEntries(targets.map((t) => [t.name, t.value]))).toEqual({
      'queries.departmentTasks.c1.p50 / driver': 0.5,
      'queries.departmentTasks.c1.p50 / peer': 0.67,
      'queries.departmentTasks.c32.p50 / driver': 0.5,
      'queries.departmentTasks.c32.p50 / peer': 0.6,
    });
    const table = printTable({ ...r, targets });
    expect(table).toMatch(/figure\s+PlanGraph\s+no cache\s+floor\s+peer\s+target\s+met/);
    expect(table).toMatch(/departmentTasks c1 p50 ms\s+2\s+6\s+4\s+3\s+≤1\.5×floor, ≤peer\s+yes/);
    expect(table).toMatch(/departmentTasks c1 cache hit rate %\s+100/);
    expect(table).not.toMatch(/c32 cache hit rate/); // no hit rate measured, no row
  });
});

describe('synthetic corpus', () => {
  it('is the same for the same seed number and differs for another', () => {
    const a = generateCorpus(6, 42);
    expect(generateCorpus(6, 42)).toEqual(a);
    expect(generateCorpus(6, 43).map((d) => d.text)).not.toEqual(a.map((d) => d.text));
    expect(new Set(a.map((d) => d.file)).size).toBe(6);
  });
});
