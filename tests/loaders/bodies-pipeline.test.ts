/**
 * Through the whole pipeline (read → normalise → structure → extract): the provincial annex's LEADS/SUPPORTS land on
 * the main-text tasks the annex items name (one task, two places), with the annex line as evidence; the district
 * and city plans' bodies land on the tasks whose text assigns them; issuers resolve to Department nodes.
 */
import { describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../loaders/model.ts';
import { extractFile } from '../../load/extract.ts';

const PLAN = 'plan:guangdong-new-urbanisation-plan-2021-2035';

function edges(g: GraphDocument, line: number) {
  const tasks = new Map(g.nodes.filter((n) => n.labels.includes('Task')).map((n) => [n.id, n.properties]));
  const rels = g.relationships.filter((r) => (r.type === 'LEADS' || r.type === 'SUPPORTS') && r.properties.line === line);
  return {
    targets: [...new Set(rels.map((r) => `${r.end} ${tasks.get(r.end)?.title}`))],
    leads: rels.filter((r) => r.type === 'LEADS').map((r) => r.start.slice(5)).sort(),
    supports: rels.filter((r) => r.type === 'SUPPORTS').map((r) => r.start.slice(5)).sort(),
  };
}

describe('provincial plan through the pipeline', async () => {
  const g = await extractFile('seeds/guangdong-new-urbanisation-plan-2021-2035.txt');

  it('"（一）全面深化户籍制度改革。… (省公安厅牵头；省发展改革委按职责分工负责，各地级以上市人民政府落实…)" → the main-text section', () => {
    expect(edges(g, 860)).toEqual({
      targets: [`${PLAN}/第三章第一节 全面深化户籍制度改革`],
      leads: ['广东省公安厅'],
      supports: ['广东省发展和改革委员会'],
    });
  });

  it('"1. 优化提升广州都市圈。…（广州市、佛山市、肇庆市、清远市牵头，云浮市、韶关市参与；…）" → 第四章第二节 item 1', () => {
    const e = edges(g, 884);
    expect(e.targets).toEqual([`${PLAN}/第四章第二节-1 优化提升广州都市圈`]);
    expect(e.leads).toEqual(['佛山市人民政府', '广州市人民政府', '清远市人民政府', '肇庆市人民政府']);
    expect(e.supports).toEqual(expect.arrayContaining(['云浮市人民政府', '韶关市人民政府', '广东省水利厅']));
    expect(e.supports).toHaveLength(10);
  });

  it('every annex item\'s edges go to one main-text task, none to an annex copy', () => {
    const annexLines = [860, 864, 868, 874, 880, 884, 888, 890, 892, 896, 898, 904, 906, 908, 910, 914, 920, 926, 930, 934, 938, 942, 946, 952, 956, 960, 964, 972, 976, 980, 984, 988, 992];
    for (const line of annexLines) {
      const e = edges(g, line);
      expect(e.targets, `line ${line}`).toHaveLength(1);
      expect(e.targets[0], `line ${line}`).not.toMatch(/附件/);
      expect(e.leads.length + e.supports.length, `line ${line}`).toBeGreaterThan(0);
    }
    const all = g.relationships.filter((r) => r.type === 'LEADS' || r.type === 'SUPPORTS');
    expect(new Set(all.map((r) => r.properties.line))).toEqual(new Set([834, ...annexLines]));
  });

  it('ISSUED_BY 广东省人民政府, a Department of kind government', () => {
    const issued = g.relationships.find((r) => r.type === 'ISSUED_BY')!;
    expect(issued.end).toBe('dept:广东省人民政府');
    expect(g.nodes.find((n) => n.id === 'dept:广东省人民政府')!.properties).toMatchObject({ kind: 'government', jurisdiction: 'div:44' });
  });
});

describe('district and city plans through the pipeline', async () => {
  it('Huadu: "建立区委政法委、…、区应急管理局等多个部门共同参与的…" on task 创新社会综合治理', async () => {
    const g = await extractFile('seeds/huadu-14th-five-year-plan.txt');
    const e = edges(g, 4103);
    expect(e.targets).toEqual(['plan:huadu-14th-five-year-plan/第十二章第二节一 创新社会综合治理']);
    expect(e.supports).toEqual(['中共广州市花都区委政法委员会', '广州市公安局花都区分局', '广州市花都区城市管理和综合执法局', '广州市花都区应急管理局'].sort());
  });

  it('Beautiful Guangzhou: "市生态环境部门牵头加强技术支撑" on task 加强组织领导', async () => {
    const g = await extractFile('seeds/beautiful-guangzhou-plan-2025-2035.txt');
    expect(edges(g, 312)).toEqual({ targets: ['plan:beautiful-guangzhou-plan-2025-2035/十(一) 加强组织领导'], leads: ['广州市生态环境局'], supports: [] });
  });
});

describe('news pages through the pipeline', async () => {
  it('the bodies an article names are Departments the article MENTIONS; the only LEADS is the body that will act on a task', async () => {
    const g = await extractFile('seeds/guangdong-construction-news-future-communities.txt');
    const mentioned = g.relationships.filter((r) => r.type === 'MENTIONS' && r.start === 'plan:guangdong-construction-news-future-communities#1' && r.end.startsWith('dept:'));
    expect(mentioned.map((r) => r.end.slice(5)).sort()).toEqual(
      [
        '广东省住房和城乡建设厅', '广州市住房和城乡建设局', '广州市花都区人民政府', '国家开发银行广东省分行', '国家开发银行深圳市分行',
        '中国农业发展银行广东省分行', '之江七彩云（广州）科技服务有限公司', '越秀地产股份有限公司', '广州安居集团有限公司',
      ].sort(),
    );
    const kinds = new Map(g.nodes.filter((n) => n.labels.includes('Department')).map((n) => [n.id, n.properties.kind]));
    expect(kinds.get('dept:越秀地产股份有限公司')).toBe('enterprise');
    expect(kinds.get('dept:国家开发银行广东省分行')).toBe('bank');
    for (const r of mentioned) {
      expect((r.properties.quote as string).length).toBeLessThanOrEqual(120);
      expect(r.properties.quote).toContain(r.properties.surface);
    }
    // "广东省住房和城乡建设厅将收集各方面诉求和建议" (line 20); the meeting's other bodies only take part in talk.
    expect(g.relationships.filter((r) => r.type === 'LEADS' || r.type === 'SUPPORTS').map((r) => [r.type, r.start, r.properties.line])).toEqual([
      ['LEADS', 'dept:广东省住房和城乡建设厅', 20],
    ]);
  });
});
