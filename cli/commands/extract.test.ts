/** `plangraph extract --report` on two documents that do not say whose plan they are (real pipeline, no database). */
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { extractPaths } from '../../load/extract.ts';
import { run, summarise } from './extract.ts';
import { assignmentsReport } from './extract-report.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../tests/integration/fixtures/unresolved-bodies');

describe('extract --report', async () => {
  const result = await extractPaths([FIXTURES]);
  const lines = assignmentsReport(result);

  it('lists every assignment with a body not resolved, with document, line and quote', () => {
    expect(lines).toContain('annual-key-tasks-2026.txt: 10 assignment(s) with bodies not resolved, 1 dropped');
    expect(lines).toContain(
      '  annual-key-tasks-2026.txt:7: SUPPORTS 区财政局 written "财政局" (DISTRICT, body not resolved) — （区工业和信息化局牵头，区发展改革局、财政局、区委宣传部按职责分工负责）',
    );
    expect(lines).toContain('  annual-key-tasks-2026.txt:13: SUPPORTS 镇人民政府 (TOWN, body not resolved) — 责任单位：镇人民政府、街道办事处、各镇街、有关单位');
    expect(lines.filter((l) => l.includes(', body not resolved) — '))).toHaveLength(12);
  });

  it('names the assignment dropped ("龙头企业" is no body) with its line and quote, and counts it all', () => {
    expect(lines.filter((l) => l.includes('dropped —'))).toEqual([
      '  annual-key-tasks-2026.txt:9: dropped — responsible body not resolved: not a body name: 龙头企业 — （二）强化人才支撑。落实人才引进政策，建设青年人才驿站，完善人才住房保障。（区委人才办牵头，区人力资源社会保障局、市税务局、龙头企业按职责分工负责）',
    ]);
    expect(lines.at(-1)).toBe('12 assignment(s) with bodies not resolved, 1 dropped, in 2 document(s)');
    expect(summarise(result).lines).toContain(
      '✓ talent-service-measures.txt: 1 plan, 2 tasks, 2 bodies, 0 places, 0 goals, 0 projects, 0 warnings; 2 assignments with bodies not resolved, 0 dropped (--report lists them)',
    );
  });

  it('collective phrases (各镇街, 有关单位) appear nowhere', () => {
    expect(lines.join('\n')).not.toMatch(/各镇街 \(|有关单位 \(/);
  });
});

describe('extract --help', () => {
  it('names the --report option the command supports', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      expect(await run(['--help'])).toBe(0);
      expect(log.mock.calls.flat().join('\n')).toMatch(/--report\s+lists every assignment whose body is not resolved/);
    } finally {
      log.mockRestore();
    }
  });
});
