/**
 * Whose plan each seed and fixture is, read as a user loads a plain folder: no manifest. The
 * expected division of each is what its text states (quoted beside it); the reasons must point
 * at lines that say so.
 */
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../loaders/read/index.ts';
import { normalise } from '../../loaders/normalise/index.ts';
import { structure } from '../../loaders/structure/index.ts';
import { simplify } from '../../loaders/read/index.ts';

const cases: [string, string, string][] = [
  // file, expected division code, the text that says so
  ['seeds/beautiful-guangzhou-plan-2025-2035.txt', '4401', '广州市人民政府关于印发美丽广州建设规划纲要'],
  ['seeds/guangdong-new-urbanisation-plan-2021-2035.txt', '44', '广东省新型城镇化规划'],
  ['seeds/huadu-14th-five-year-plan.txt', '440114', '花都区'], // no title line: 全区/我区 beside 花都区 in the body
  ['tests/fixtures/nanhai-urban-rural-integration-2023-2025.txt', '440605', '南府办〔2023〕12号'],
  ['tests/fixtures/xiangzhou-old-communities-2024-2026.txt', '440402', '珠海市香洲区人民政府'],
  ['tests/fixtures/conghua-rural-revitalisation-belt-2024-2026.html', '440117', '从府办〔2024〕5号'],
  ['tests/fixtures/unseen/dongguan-manufacturing-digital-2024-2026.html', '4419', '11441900007330010E'],
  ['tests/fixtures/unseen/chenghai-toy-industry-2024-2026.docx', '440515', '澄府办〔2024〕21号'],
  ['tests/fixtures/unseen/zhuzhou-urban-renewal-2024-2026.md', '4302', '株政办发〔2024〕6号'],
  ['tests/fixtures/unseen/zhenjiang-typical-towns-2024-2027.pdf', '440204', '韶关市浈江区“百千万工程”典型镇建设实施方案'],
];

describe('jurisdiction without a manifest', () => {
  it.each(cases)('%s is div:%s ("%s")', async (file, code, said) => {
    const source = await readDocument(file);
    const [plan] = structure(source, normalise(source));
    expect(plan.jurisdictionCode).toBe(code);
    const evidence = plan.jurisdictionEvidence ?? [];
    expect(evidence.length).toBeGreaterThan(0);
    // Every reason's text begins on its line (verbatim, wraps joined), and one of them says what the case quotes.
    for (const e of evidence) expect(source.lines[e.line - 1]).toContain(e.quote.slice(0, 6));
    expect(evidence.some((e) => simplify(e.quote).includes(said))).toBe(true);
  });

  it('a news page: each article its own (广州发布… is 广州市, 全省小区治理… 广东省)', async () => {
    const source = await readDocument('seeds/guangzhou-industrial-clusters-news.txt');
    const articles = structure(source, normalise(source));
    expect(articles.map((a) => a.jurisdiction)).toEqual(['广州市', '广东省']);
  });

  it('a kicker over the headline counts as a headline: "广东省住建厅召开未来社区（完整社区）建设试点工作会议" (line 8)', async () => {
    const source = await readDocument('seeds/guangdong-construction-news-future-communities.txt');
    const [first] = structure(source, normalise(source));
    expect(first.jurisdiction).toBe('广东省');
    expect(first.jurisdictionEvidence).toEqual([{ line: 8, quote: '广东省住建厅召开未来社区（完整社区）建设试点工作会议', kind: 'title' }]);
  });

  it('the Hengqin zone plan names no county-level division: the places extractor gives it its zone', async () => {
    const source = await readDocument('tests/fixtures/unseen/hengqin-culture-tourism-trade-2024-2026.txt');
    expect(structure(source, normalise(source))[0].jurisdiction).toBeUndefined();
  });
});
