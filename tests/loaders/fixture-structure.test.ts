/**
 * The three fixtures in other layouts (GB18030 .txt, Traditional Chinese, HTML) through
 * read → normalise → structure, and the `plangraph extract` command over them.
 */
import { describe, expect, it } from 'vitest';
import { allTasks as flat } from '../support/extract-context.ts';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { PlanDraft } from '../../loaders/model.ts';
import { readDocument } from '../../loaders/read/index.ts';
import { normalise } from '../../loaders/normalise/index.ts';
import { structure } from '../../loaders/structure/index.ts';

const root = new URL('../../', import.meta.url).pathname;
const fixtures = join(root, 'tests/fixtures');
async function plan(file: string): Promise<PlanDraft> {
  const s = await readDocument(join(fixtures, file));
  return structure(s, normalise(s))[0];
}

describe('GB18030 南海区 plan', async () => {
  const p = await plan('nanhai-urban-rural-integration-2023-2025.txt');
  const all = flat(p.tasks);
  it('reads the notice, title, period and district', () => {
    expect(p).toMatchObject({ title: '佛山市南海区推进城乡融合发展三年行动方案（2023—2025年）', issuer: '佛山市南海区人民政府办公室', jurisdiction: '南海区', level: 'DISTRICT', periodStart: 2023, periodEnd: 2025 });
  });
  it('keeps "牵头单位：…　责任单位：…" lines with their numbered task', () => {
    const t = all.find((x) => x.ref === '二(一)1')!;
    expect(t.title).toBe('深化农村集体经营性建设用地入市改革');
    expect(t.paragraphs[1].original).toBe('牵头单位：佛山市自然资源局南海分局　责任单位：区农业农村局、区财政局，各镇（街道）');
    expect(t.paragraphs[1].line).toBe(25);
  });
  it('puts 专栏1 under （二） with its three projects, and lead phrases under （三）', () => {
    const box = all.find((x) => x.ref === '专栏1')!;
    expect(all.find((x) => x.ref === '二(二)')!.children.map((c) => c.ref)).toEqual(['二(二)1', '二(二)2', '专栏1']);
    expect(box.children.map((c) => c.title)).toEqual(['西樵山国家5A级旅游景区提升工程', '九江镇双创产业园', '里水镇梦里水乡百里芳华乡村振兴示范带']);
    expect(all.filter((x) => x.kind === 'leadPhrase').map((x) => x.title)).toEqual(['培育乡村特色产业', '推动村级工业园改造提升']);
  });
});

describe('Traditional 香洲區 plan', async () => {
  const p = await plan('xiangzhou-old-communities-2024-2026.txt');
  const all = flat(p.tasks);
  it('structures on the Simplified copy and titles verbatim', () => {
    expect(p).toMatchObject({ title: '珠海市香洲區老舊小區改造提升實施方案（2024—2026年）', issuer: '珠海市香洲区人民政府', jurisdiction: '香洲区', periodStart: 2024, periodEnd: 2026 });
    expect(all.find((t) => t.ref === '第二章第一节')!.title).toBe('完善小區基礎設施');
    const lead = all.find((t) => t.ref === '第二章第一节-1')!;
    expect(lead.title).toBe('推進水電氣管網改造');
    expect(lead.paragraphs[1].original).toBe('部門分工：區住房和城鄉建設局牽頭，區財政局、珠海市自然資源局香洲分局、各街道辦事處配合。');
    expect(lead.paragraphs[1].text).toBe('部门分工：区住房和城乡建设局牵头，区财政局、珠海市自然资源局香洲分局、各街道办事处配合。');
  });
});

describe('HTML 从化区 plan', async () => {
  const p = await plan('conghua-rural-revitalisation-belt-2024-2026.html');
  const all = flat(p.tasks);
  it('reads metadata from the page and the notice, not the site furniture', () => {
    expect(p).toMatchObject({ title: '从化区乡村振兴示范带建设三年行动方案（2024—2026年）', issuer: '广州市从化区人民政府办公室', jurisdiction: '从化区', periodStart: 2024, periodEnd: 2026 });
  });
  it('keeps the project table inside 专栏1 and the assignment line with its lead phrase', () => {
    const box = all.find((t) => t.ref === '专栏1')!;
    expect(box.paragraphs.map((x) => x.kind)).toEqual(['body', 'table-cell', 'table-cell', 'table-cell', 'table-cell']);
    const lead = all.find((t) => t.title === '建设北部山区生态示范带')!;
    expect(lead.paragraphs.map((x) => x.text)).toContain('牵头责任单位：区文化广电旅游体育局；协同责任单位：广州市规划和自然资源局从化区分局、区林业和园林局、吕田镇');
  });
});

describe('plangraph extract', () => {
  it('writes graph.json, summarises each document and exits 1 naming the file that failed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plangraph-cli-'));
    writeFileSync(join(dir, 'corrupt.docx'), 'not a zip');
    const out = join(dir, 'graph.json');
    const run = promisify(execFile);
    const err = await run(process.execPath, [join(root, 'bin/plangraph.js'), 'extract', fixtures, join(dir, 'corrupt.docx'), '--out', out], { cwd: root }).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(err?.code).toBe(1);
    expect(err?.stderr).toMatch(/✓ xiangzhou-old-communities-2024-2026\.txt: 1 plan, 16 tasks/);
    expect(err?.stderr).toMatch(/✗ corrupt\.docx: not a \.docx file/);
    const graph = JSON.parse(readFileSync(out, 'utf8'));
    // The unseen-layout corpora (real-layouts/, real-layouts-heldout/) are folders of their own
    // under tests/fixtures; the folder walk reads them too, one plan per document.
    const plans: string[] = graph.nodes.filter((n: { labels: string[] }) => n.labels.includes('Plan')).map((n: { id: string }) => n.id);
    const corpusDocs = ['real-layouts', 'real-layouts-heldout'].flatMap((d) =>
      readdirSync(join(fixtures, d)).filter((f) => /\.(txt|md|html|docx|pdf)$/.test(f)).map((f) => `plan:${f.replace(/\.[^.]+$/, '')}`),
    );
    // A news page's articles are plan:<doc>#<n>: every corpus document yields at least one plan.
    const fromCorpus = (id: string) => corpusDocs.some((doc) => id === doc || id.startsWith(`${doc}#`));
    expect(corpusDocs.filter((doc) => !plans.some((id) => id === doc || id.startsWith(`${doc}#`)))).toEqual([]);
    expect(plans.filter((id) => !fromCorpus(id)).sort()).toEqual([
      'plan:chenghai-toy-industry-2024-2026',
      'plan:conghua-rural-revitalisation-belt-2024-2026',
      'plan:dongguan-manufacturing-digital-2024-2026',
      'plan:hengqin-culture-tourism-trade-2024-2026',
      'plan:huizhou-petrochemical-materials-2024-2026',
      'plan:nanhai-urban-rural-integration-2023-2025',
      'plan:xiangzhou-old-communities-2024-2026',
      'plan:xinhui-water-environment-2024-2030',
      'plan:zhenjiang-typical-towns-2024-2027',
      'plan:zhuzhou-urban-renewal-2024-2026',
    ]);
  }, 60_000);
});
