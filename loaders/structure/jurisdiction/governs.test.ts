/**
 * The resolver's verdict through the whole pipeline: the GOVERNS edge cites the clue that gave
 * it, and the bodies resolver reads relative names (区住房城乡建设局, the issuer 区府办) against it.
 */
import { describe, expect, it } from 'vitest';
import type { SourceText } from '../../model.ts';
import { extractSource } from '../../pipeline.ts';

const lines = [
  '关于印发2026年重点工作任务分工方案的通知',
  '',
  '花府办〔2026〕5号',
  '',
  '各镇人民政府、街道办事处，区政府各部门：',
  '',
  '现将方案印发给你们，请认真组织实施。',
  '',
  '区府办',
  '2026年1月8日',
  '',
  '一、推进老旧小区改造',
  '',
  '（一）加装电梯。简化审批流程，完善资金补助。（区住房城乡建设局牵头；区财政局按职责分工负责）',
];

describe('a district notice whose number alone says whose it is: "花府办〔2026〕5号"', () => {
  it('governs 花都区, citing the number line, and reads 区住房城乡建设局 and 区府办 as Huadu\'s', async () => {
    const source: SourceText = { document: 'notice.txt', lines, encoding: 'utf-8', script: 'simplified' };
    const g = await extractSource(source, {});
    const governs = g.relationships.find((r) => r.type === 'GOVERNS');
    expect(governs).toMatchObject({ end: 'div:440114', properties: { line: 3, quote: '花府办〔2026〕5号' } });
    // The relative signature "区府办" (line 9) is resolved as every relative name is, against the plan's district.
    expect(g.relationships.find((r) => r.type === 'ISSUED_BY')).toMatchObject({ end: 'dept:广州市花都区人民政府办公室', properties: { line: 9, surface: '区府办' } });
    expect(governs!.properties.source).toBeUndefined();
    const plan = g.nodes.find((n) => n.labels.includes('Plan'))!;
    expect(plan.properties).toMatchObject({ jurisdiction: '花都区', level: 'DISTRICT', jurisdictionEvidenceKinds: ['docNumber'], jurisdictionEvidenceLines: [3] });
    const leads = g.relationships.filter((r) => r.type === 'LEADS').map((r) => r.start);
    expect(leads).toEqual(['dept:广州市花都区住房和城乡建设局']);
  });
});
