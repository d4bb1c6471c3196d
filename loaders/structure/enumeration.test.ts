import { describe, expect, it } from 'vitest';
import type { Paragraph } from '../model.ts';
import { normalise } from '../normalise/index.ts';
import { enumeratedTasks, measureTitle } from './enumeration.ts';

const paras = (lines: string[]): Paragraph[] => normalise({ document: 'n.txt', lines, encoding: 'utf-8', script: 'simplified' });

describe('enumeratedTasks', () => {
  it('takes "一是…二是…三是…" inside one paragraph as three measures, the words before 一是 stay loose', () => {
    const text = '会议要求，要凝聚各方合力。一是强化政策供给。省住房城乡建设厅将出台支持政策清单。二是强化社区运营。建议本地国有企业积极参与未来社区建设运营。三是强化示范引领。打造一批试点示范项目。';
    const { tasks, loose } = enumeratedTasks(paras([text]), 'n.txt');
    expect(tasks.map((t) => [t.kind, t.ref, t.title, t.evidence.line])).toEqual([
      ['leadPhrase', '一是', '强化政策供给', 1],
      ['leadPhrase', '二是', '强化社区运营', 1],
      ['leadPhrase', '三是', '强化示范引领', 1],
    ]);
    expect(tasks[1].text).toBe('二是强化社区运营。建议本地国有企业积极参与未来社区建设运营。');
    expect(loose.map((p) => p.text)).toEqual(['会议要求，要凝聚各方合力。']);
  });

  it('reads "第一，…第二，…" over separate paragraphs, with the line of each', () => {
    const { tasks } = enumeratedTasks(
      paras(['区住房城乡建设局表示，下一步将重点抓好三项工作。', '', '第一，加快城中村改造，年内完成新华街改造项目3个。', '', '第二，推进老旧小区加装电梯，全年新增电梯200台。']),
      'n.txt',
    );
    expect(tasks.map((t) => [t.ref, t.title, t.evidence.line])).toEqual([
      ['第一', '加快城中村改造，年内完成新华街改造项目3个', 3],
      ['第二', '推进老旧小区加装电梯，全年新增电梯200台', 5],
    ]);
  });

  it('keeps narrative, a lone 一是, rank words and lists of features out', () => {
    const narrative = paras([
      '当天，参会人员还实地观摩了花都平龙新时代社区。社区建设了8000平方米公共配套空间。',
      '花都产业区块总量位居全市第一，纯度达71%。',
      '一是要看到成绩。',
      '本轮划定呈现三个特点：一是规模大，二是纯度高，三是布局优。',
    ]);
    const { tasks, loose } = enumeratedTasks(narrative, 'n.txt');
    expect(tasks).toEqual([]);
    expect(loose).toHaveLength(narrative.length);
  });

  it('numbers a second enumeration in the same article by its paragraph', () => {
    const { tasks } = enumeratedTasks(
      paras(['花都将重点推进：一是打造临空数智港产业平台。二是打造时尚智造产业带平台。', '', '南沙将重点推进：一是筑牢产业承载根基。二是深化土地要素改革。']),
      'n.txt',
    );
    expect(tasks.map((t) => t.ref)).toEqual(['段1一是', '段1二是', '段2一是', '段2二是']);
  });
});

describe('measureTitle', () => {
  it('cuts a long first sentence at its first comma', () => {
    expect(measureTitle('打造西部新能源汽车城产业平台，发挥东风日产的龙头带动作用，加快新能源与智能网联汽车集群式发展，助力广州打造万亿智车之城。同时…')).toBe('打造西部新能源汽车城产业平台');
    expect(measureTitle('强化政策供给。广东省住房和城乡建设厅将…')).toBe('强化政策供给');
  });
});
