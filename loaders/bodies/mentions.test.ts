import { describe, expect, it } from 'vitest';
import type { Paragraph } from '../model.js';
import { resolveDivision } from '../gazetteer/divisions.ts';
import { bodyMentions } from './mentions.js';
import { scopeOf } from './resolve.js';

const para = (text: string): Paragraph => ({ text, original: text, line: 1, segments: [{ offset: 0, line: 1 }], kind: 'body' });
const guangdong = scopeOf(resolveDivision('广东省'));
const guangzhou = scopeOf(resolveDivision('广州市'));
const mentions = (text: string, scope = guangdong) => bodyMentions(para(text), scope).map((m) => [m.surface, m.body.name, m.body.kind]);

describe('bodyMentions (news pages)', () => {
  it('banks, including a second branch sharing the bank name', () => {
    expect(mentions('座谈会上，国家开发银行广东省分行和深圳市分行介绍了城市更新专项贷款的申请条件、申请程序等')).toEqual([
      ['国家开发银行广东省分行', '国家开发银行广东省分行', 'bank'],
      ['深圳市分行', '国家开发银行深圳市分行', 'bank'],
    ]);
    expect(mentions('中国农业发展银行广东省分行分享了多个省内外项目的成熟经验')).toEqual([['中国农业发展银行广东省分行', '中国农业发展银行广东省分行', 'bank']]);
  });

  it('enterprises in a list', () => {
    expect(mentions('之江七彩云（广州）科技服务有限公司、越秀地产股份有限公司、广州安居集团有限公司等多家企业表达了积极参与未来社区建设与运营的意愿')).toEqual([
      ['之江七彩云（广州）科技服务有限公司', '之江七彩云（广州）科技服务有限公司', 'enterprise'],
      ['越秀地产股份有限公司', '越秀地产股份有限公司', 'enterprise'],
      ['广州安居集团有限公司', '广州安居集团有限公司', 'enterprise'],
    ]);
  });

  it('government bodies written with their division; a bare place name is not its government', () => {
    expect(mentions('日前，广东省住房和城乡建设厅在广州市花都区召开未来社区（完整社区）建设试点工作座谈会。')).toEqual([
      ['广东省住房和城乡建设厅', '广东省住房和城乡建设厅', 'department'],
    ]);
    expect(mentions('广州市人民政府新闻办公室召开新闻发布会，对《方案》要点进行解读。', guangzhou)).toEqual([
      ['广州市人民政府新闻办公室', '广州市人民政府新闻办公室', 'department'],
    ]);
  });

  it('a person\'s employer or a photo credit is no mention; party committees in titles are skipped', () => {
    expect(mentions('深圳市委常委、政法委书记张礼卫出席会议并致辞，深圳市政协副主席、福田区委书记黄伟出席会议并发言')).toEqual([]);
    expect(mentions('新闻发布会上，南沙区政府党组成员、副区长相阵迎指出', guangzhou)).toEqual([]);
    expect(mentions('华南国家植物园（图源：广州市生态环境局）', guangzhou)).toEqual([]);
  });
});
