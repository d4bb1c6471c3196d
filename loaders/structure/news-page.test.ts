import { describe, expect, it } from 'vitest';
import type { SourceText, TaskDraft } from '../model.ts';
import { normalise } from '../normalise/index.ts';
import { isPageFurniture } from '../normalise/furniture.ts';
import { structure } from './index.ts';

const plans = (lines: string[]) => {
  const source: SourceText = { document: 'page.txt', lines, encoding: 'utf-8', script: 'simplified' };
  return structure(source, normalise(source));
};
const lines = (ts: TaskDraft[]) => ts.flatMap((t) => t.paragraphs.map((p) => p.line));

/** A government site's news page as a user copies it: breadcrumbs, headline, byline, widgets, article, footer. */
const PAGE = [
  '首页 > 新闻资讯 > 本地要闻',
  '市政府常务会议部署今年重点任务分工',
  '发布时间：2024-03-14 09:12　来源：某市日报　作者：记者 张某　字号：大 中 小',
  '【字体：大 中 小】 分享到：微信 微博',
  '　　会议要求，推进港口扩能改造，由市交通运输局牵头，市发展改革局配合；建设检验检测中心，由市市场监管局负责。',
  '　　会议强调，各有关部门要强化责任担当。',
  '（责任编辑：王某）',
  '【打印本页】【关闭窗口】',
  '联系我们 | 网站地图 | 隐私声明',
  '版权所有：某市人民政府办公室　粤ICP备05000000号　网站标识码：4400000000',
];

describe('a web news page', () => {
  it('is one article titled by its headline, not by the breadcrumbs', () => {
    const [article, ...more] = plans(PAGE);
    expect(more).toEqual([]);
    expect(article).toMatchObject({ kind: 'news', title: '市政府常务会议部署今年重点任务分工', evidence: { line: 2 } });
  });

  it('breadcrumbs, byline, widgets and footer are neither tasks nor loose text (never evidence)', () => {
    const [article] = plans(PAGE);
    const used = [...article.looseParagraphs.map((p) => p.line), ...lines(article.tasks)];
    for (const furniture of [1, 3, 4, 7, 8, 9, 10]) expect(used).not.toContain(furniture);
    expect(used).toContain(6);
  });

  it('each clause stating a division of work is a task, titled by the words before 由', () => {
    const [article] = plans(PAGE);
    expect(article.tasks.map((t) => [t.ref, t.title, t.evidence.line])).toEqual([
      ['任务1', '推进港口扩能改造', 5],
      ['任务2', '建设检验检测中心', 5],
    ]);
  });

  it('a byline never runs into the article below it', () => {
    const [article] = plans(['某区召开推进会', '来源：某区融媒体中心　作者：李某　发布时间：2025-01-02 10:00', '1月2日，某区召开工作推进会，部署全年工作任务，要求各部门狠抓落实']);
    expect(article.looseParagraphs.map((p) => p.text)).toContain('1月2日，某区召开工作推进会，部署全年工作任务，要求各部门狠抓落实');
  });

  it('isPageFurniture: the chrome, and not a document’s own metadata row or a sentence', () => {
    for (const t of ['当前位置：首页 > 政务公开 > 政策文件', '首页 > 新闻中心', '来源：南方日报  发布时间：2025-02-20', '2013-02-27 08:35　来源：南粤新闻网　记者 陈立', '分享到：', '粤ICP备05070829号', '网站标识码：4400000064', '（责任编辑：李明）']) {
      expect(isPageFurniture(t), t).toBe(true);
    }
    for (const t of ['发布单位：株洲市人民政府办公室　　发布日期：2024年4月12日　　文号：株政办发〔2024〕6号', '来源于群众的意见建议，要认真研究办理。', '首页设计要体现本地特色。']) {
      expect(isPageFurniture(t), t).toBe(false);
    }
  });

  it('a reprinted allocation table in a news article gives one task per row', () => {
    const [article] = plans([
      '某区印发制造业任务分工',
      '来源：某区融媒体中心　编辑：赵某',
      '日前，某区印发重点任务分工，明确各项任务的牵头和配合单位，记者梳理如下。',
      '重点任务\t牵头单位\t配合单位',
      '建设先进制造业园区\t区工业和信息化局\t区住房建设局',
      '培育专精特新企业\t区工业和信息化局\t区科技创新局',
    ]);
    expect(article.tasks.map((t) => [t.title, t.evidence.line])).toEqual([
      ['建设先进制造业园区', 5],
      ['培育专精特新企业', 6],
    ]);
  });
});
