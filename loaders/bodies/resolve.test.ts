import { describe, expect, it } from 'vitest';
import { resolveDivision } from '../gazetteer/divisions.ts';
import { resolveBody } from './index.js';
import { type Resolution, resolveName, scopeOf } from './resolve.js';

const guangdong = scopeOf(resolveDivision('广东省'));
const guangzhou = scopeOf(resolveDivision('广州市'));
const huadu = scopeOf(resolveDivision('花都区'));
const conghua = scopeOf(resolveDivision('从化区'));

function nameOf(r: Resolution): string | undefined {
  return r.status === 'body' ? r.body.name : r.status;
}

describe('resolveName: Guangdong provincial bodies', () => {
  it.each([
    ['省公安厅', '广东省公安厅'],
    ['省发展改革委', '广东省发展和改革委员会'],
    ['省委编办', '中共广东省委机构编制委员会办公室'],
    ['省委政法委', '中共广东省委政法委员会'],
    ['省委网信办', '中共广东省委网络安全和信息化委员会办公室'],
    ['省税务局', '国家税务总局广东省税务局'],
    ['广东省住房和城乡建设厅', '广东省住房和城乡建设厅'],
    ['中共广东省委组织部', '中共广东省委组织部'],
    ['中国人民银行广州分行', '中国人民银行广州分行'],
    ['广东银保监局', '中国银行保险监督管理委员会广东监管局'],
  ])('%s → %s', (written, canonical) => {
    expect(nameOf(resolveName(written, guangdong))).toBe(canonical);
  });

  it('a list prefix is shared: 省发展改革委、教育厅 → 省教育厅; 省委编办、组织部 → 省委组织部', () => {
    expect(nameOf(resolveName('教育厅', guangdong, { groupPrefix: '省' }))).toBe('广东省教育厅');
    expect(nameOf(resolveName('人力资源社会保障厅', guangdong, { groupPrefix: '省' }))).toBe('广东省人力资源和社会保障厅');
    expect(nameOf(resolveName('组织部', guangdong, { groupPrefix: '省委' }))).toBe('中共广东省委组织部');
    // 市场监管局 starts with 市 but is the province's bureau inside a 省 list.
    expect(nameOf(resolveName('市场监管局', guangdong, { groupPrefix: '省' }))).toBe('广东省市场监督管理局');
    // 团省委 and 工商联 in "…、工商联、团省委，中国人民银行广州分行…"
    expect(nameOf(resolveName('团省委', guangdong, { groupPrefix: '省' }))).toBe('共青团广东省委员会');
    expect(nameOf(resolveName('工商联', guangdong, { groupPrefix: '省' }))).toBe('广东省工商业联合会');
  });

  it('the slip 民政部 in a list of provincial departments is the province 民政厅', () => {
    expect(nameOf(resolveName('民政部', guangdong, { groupPrefix: '省' }))).toBe('广东省民政厅');
  });

  it('cities that lead are their governments', () => {
    const r = resolveName('广州市', guangdong);
    expect(r.status === 'body' && r.body).toMatchObject({ name: '广州市人民政府', kind: 'government', jurisdiction: '4401' });
    expect(nameOf(resolveName('韶关市', guangdong))).toBe('韶关市人民政府');
  });

  it('collective phrases are not bodies', () => {
    for (const phrase of ['各地级以上市人民政府', '各镇（街）', '市直各有关部门', '省有关部门', '各街道办事处', '区各有关部门'])
      expect(resolveName(phrase, guangdong).status, phrase).toBe('collective');
  });

  it('a body not in the gazetteer gets the division prefix and a kind from its ending', () => {
    const r = resolveName('省海洋综合执法总队', guangdong);
    expect(r.status === 'body' && r.body).toMatchObject({ name: '广东省海洋综合执法总队', source: 'fallback', jurisdiction: '44' });
  });
});

describe('resolveName: relative names in city and district plans', () => {
  it('市生态环境部门 in a Guangzhou plan is 广州市生态环境局; Guangzhou keeps its own bureau names', () => {
    expect(nameOf(resolveName('市生态环境部门', guangzhou))).toBe('广州市生态环境局');
    expect(nameOf(resolveName('市发展改革委', guangzhou))).toBe('广州市发展和改革委员会');
    expect(nameOf(resolveName('市规划和自然资源局', guangzhou))).toBe('广州市规划和自然资源局');
    expect(nameOf(resolveName('市林业和园林局', guangzhou))).toBe('广州市林业和园林局');
    expect(nameOf(resolveName('市城市管理综合执法局', guangzhou))).toBe('广州市城市管理和综合执法局');
  });

  it('in the Huadu plan 区X is Huadu\'s, 市X is Guangzhou\'s, and branches of city bureaus are named as such', () => {
    const cases: [string, string, string][] = [
      ['区委政法委', '中共广州市花都区委政法委员会', '440114'],
      ['区城市管理综合执法局', '广州市花都区城市管理和综合执法局', '440114'],
      ['市公安局花都区分局', '广州市公安局花都区分局', '440114'],
      ['区应急管理局', '广州市花都区应急管理局', '440114'],
      ['区发展和改革局', '广州市花都区发展和改革局', '440114'],
      ['区生态环境分局', '广州市生态环境局花都分局', '440114'],
      ['区规划和自然资源分局', '广州市规划和自然资源局花都区分局', '440114'],
      ['市发展改革委', '广州市发展和改革委员会', '4401'],
      ['花都区人民政府', '广州市花都区人民政府', '440114'],
    ];
    for (const [written, canonical, code] of cases) {
      const r = resolveName(written, huadu);
      expect(r.status === 'body' && [r.body.name, r.body.jurisdiction], written).toEqual([canonical, code]);
    }
  });

  it('towns and streets named as bodies are their governments, only inside the plan\'s area', () => {
    expect(nameOf(resolveName('温泉镇', conghua))).toBe('广州市从化区温泉镇人民政府');
    expect(nameOf(resolveName('江埔街道', conghua))).toBe('广州市从化区江埔街道办事处');
    expect(resolveName('狮岭镇', conghua, { strictOnly: true }).status).toBe('unresolved');
  });

  it('prose accepts only known bodies', () => {
    expect(resolveName('支持业内的标杆企业', huadu, { strictOnly: true }).status).toBe('unresolved');
  });
});

describe('resolveBody (ISSUED_BY)', () => {
  it('issuers resolve to Department nodes with division ids', () => {
    expect(resolveBody('广州市人民政府')?.properties).toMatchObject({ id: 'dept:广州市人民政府', kind: 'government', jurisdiction: 'div:4401' });
    expect(resolveBody('广州市花都区人民政府')?.id).toBe('dept:广州市花都区人民政府');
    expect(resolveBody('广东省人民政府')?.properties.level).toBe('PROVINCE');
    expect(resolveBody('区政府', resolveDivision('花都区'))?.id).toBe('dept:广州市花都区人民政府');
  });

  it('enterprises and banks from the news keep their names with kind enterprise / bank', () => {
    expect(resolveBody('越秀地产股份有限公司')?.properties.kind).toBe('enterprise');
    expect(resolveBody('之江七彩云（广州）科技服务有限公司')?.properties).toMatchObject({ name: '之江七彩云（广州）科技服务有限公司', kind: 'enterprise' });
    expect(resolveBody('国家开发银行广东省分行')?.properties.kind).toBe('bank');
    expect(resolveBody('中国农业发展银行广东省分行')?.properties.kind).toBe('bank');
  });

  it('a collective phrase is no issuer', () => {
    expect(resolveBody('各地级以上市人民政府')).toBeUndefined();
  });
});

describe('resolveName: other jurisdictions and national bodies', () => {
  it('a county\'s bodies carry the county name alone; a district\'s carry its city', () => {
    const huidong = scopeOf(resolveDivision('惠东县'));
    expect(nameOf(resolveName('县发展改革局', huidong))).toBe('惠东县发展和改革局');
    expect(nameOf(resolveName('县委组织部', huidong))).toBe('中共惠东县委组织部');
    expect(nameOf(resolveName('市发展改革局', huidong))).toBe('惠州市发展和改革局');
  });

  it('a plan of another province: 省X is that province\'s', () => {
    const zhejiang = scopeOf(resolveDivision('浙江省'));
    expect(nameOf(resolveName('省发展改革委', zhejiang))).toBe('浙江省发展和改革委员会');
    expect(nameOf(resolveName('财政厅', zhejiang, { groupPrefix: '省' }))).toBe('浙江省财政厅');
  });

  it('national bodies and ministries written alone keep their names; the 部 slip applies only inside a 省 list', () => {
    expect(nameOf(resolveName('国家发展改革委', guangdong))).toBe('国家发展改革委');
    expect(nameOf(resolveName('自然资源部', guangdong))).toBe('自然资源部');
    expect(nameOf(resolveName('自然资源部', guangdong, { groupPrefix: '省' }))).toBe('广东省自然资源厅');
  });

  it('collective phrases with 各 inside', () => {
    for (const phrase of ['珠三角各市', '市各有关单位', '其他有关部门', '领导小组各成员单位']) expect(resolveName(phrase, guangzhou).status, phrase).toBe('collective');
  });
});

describe('resolveName: unseen cities and provinces (canonical names from the plan\'s own jurisdiction)', () => {
  const shenzhen = scopeOf(resolveDivision('深圳市'));
  const futian = scopeOf(resolveDivision('福田区'));
  const zhejiang = scopeOf(resolveDivision('浙江省'));
  const hangzhou = scopeOf(resolveDivision('杭州市'));
  const dongguan = scopeOf(resolveDivision('东莞市'));
  const huizhou = scopeOf(resolveDivision('惠州市'));
  const chenghai = scopeOf(resolveDivision('澄海区'));

  it.each([
    // "（市发展改革委牵头，市住房建设局、市规划和自然资源局配合）" in a 深圳市 plan
    [shenzhen, '市发展改革委', '深圳市发展和改革委员会'],
    [shenzhen, '市住房建设局', '深圳市住房和建设局'],
    [shenzhen, '市规划自然资源局', '深圳市规划和自然资源局'],
    [shenzhen, '市科技创新委', '深圳市科技创新委员会'],
    [shenzhen, '市人力资源保障局', '深圳市人力资源和社会保障局'],
    [shenzhen, '市前海管理局', '深圳市前海深港现代服务业合作区管理局'],
    // "责任单位：区住房建设局、区城市更新和土地整备局" in a 福田区 plan
    [futian, '区住房建设局', '深圳市福田区住房和建设局'],
    [futian, '区城市更新和土地整备局', '深圳市福田区城市更新和土地整备局'],
    [futian, '市发展改革委', '深圳市发展和改革委员会'],
    // "（省发展改革委、省建设厅、省经信厅按职责分工负责）" in a 浙江省 plan
    [zhejiang, '省发展改革委', '浙江省发展和改革委员会'],
    [zhejiang, '省建设厅', '浙江省住房和城乡建设厅'],
    [zhejiang, '省经信厅', '浙江省经济和信息化厅'],
    [zhejiang, '省人力社保厅', '浙江省人力资源和社会保障厅'],
    [hangzhou, '市发改委', '杭州市发展和改革委员会'],
    [hangzhou, '市人力社保局', '杭州市人力资源和社会保障局'],
  ])('%#: %s', (scope, written, canonical) => {
    expect(nameOf(resolveName(written as string, scope as ReturnType<typeof scopeOf>))).toBe(canonical);
  });

  it('a town of a city without districts is named with its city: "市科技局、长安镇、虎门镇" (Dongguan)', () => {
    expect(nameOf(resolveName('长安镇', dongguan))).toBe('东莞市长安镇人民政府');
  });

  it('a zone\'s management committee: "大亚湾开发区管委会", "松山湖管委会"; unknown ones keep their name, spelled out', () => {
    const r = resolveName('大亚湾开发区管委会', huizhou);
    expect(r.status === 'body' && r.body).toMatchObject({ name: '惠州大亚湾经济技术开发区管理委员会', kind: 'government', jurisdiction: '4413' });
    expect(nameOf(resolveName('松山湖管委会', dongguan))).toBe('东莞松山湖高新技术产业开发区管理委员会');
    expect(nameOf(resolveName('稔平半岛管委会', huizhou))).toBe('稔平半岛管理委员会');
  });

  it('a vertical agency\'s local office names itself: "澄华街道办事处、汕头海关驻澄海办事处"', () => {
    expect(nameOf(resolveName('汕头海关驻澄海办事处', chenghai))).toBe('汕头海关驻澄海办事处');
    // prose still takes only known bodies
    expect(resolveName('汕头海关驻澄海办事处', chenghai, { strictOnly: true }).status).toBe('unresolved');
  });
});

describe('resolveName: a county-level city\'s own plan', () => {
  it('"市发展改革局" in a 英德市 plan is 英德市发展和改革局; its prefecture is written out ("清远市发展改革局")', () => {
    const yingde = scopeOf(resolveDivision('英德市'));
    expect(nameOf(resolveName('市发展改革局', yingde))).toBe('英德市发展和改革局');
    expect(nameOf(resolveName('市委组织部', yingde))).toBe('中共英德市委组织部');
    expect(nameOf(resolveName('清远市发展改革局', yingde))).toBe('清远市发展和改革局');
    expect(nameOf(resolveName('市发展改革局', scopeOf(resolveDivision('惠东县'))))).toBe('惠州市发展和改革局');
  });
});
