import { describe, expect, it } from 'vitest';
import { resolveDivision } from './divisions.ts';
import { findPlaceMentions } from './place-mentions.ts';

const huadu = resolveDivision('花都区')!;
const guangzhou = resolveDivision('广州市')!;
const guangdong = resolveDivision('广东省')!;
const names = (text: string, jurisdiction = huadu) =>
  findPlaceMentions(text, { jurisdiction }).map((m) => `${m.surface}→${m.division.id}`);

describe('place mentions: towns of the plan’s own district', () => {
  it('reads 炭步镇 in the Huadu plan’s town guide (line 1427)', () => {
    expect(names('炭步镇：积极承接汽车及零部件产业，大力发展新能源汽车及生物医药产业。')).toEqual(['炭步镇→div:440114107']);
  });

  it('reads bare town names in a list ending 等镇 (Huadu plan line 2378)', () => {
    expect(names('重点围绕梯面、赤坭、狮岭、花东、花山、炭步等镇，连线连片创建生态美丽宜居乡村。')).toEqual([
      '梯面→div:440114103', '赤坭→div:440114108', '狮岭→div:440114109',
      '花东→div:440114105', '花山→div:440114104', '炭步→div:440114107',
    ]);
  });

  it('trusts bare town names only inside the plan’s district', () => {
    expect(names('重点围绕梯面、赤坭、狮岭、花东、花山、炭步等镇', guangdong)).toEqual([]);
  });

  it('reads 新华街 and 狮岭镇 (Huadu plan line 2409), keeping villages out', () => {
    expect(names('梯面镇埔岭村、红山村、横坑村、西坑村、狮岭镇义山村、新华街三华村等 19 条村。')).toEqual([
      '梯面镇→div:440114103', '狮岭镇→div:440114109', '新华街→div:440114001',
    ]);
  });

  it('keeps only the most specific place of a qualified name: 广州市黄埔区新龙镇 (provincial 专栏9)', () => {
    expect(names('2. 中心镇试点：广州市黄埔区新龙镇、白云区钟落潭镇，珠海市金湾区平沙镇', guangdong)).toEqual([
      '新龙镇→div:440112101', '钟落潭镇→div:440111108', '平沙镇→div:440404104',
    ]);
  });
});

describe('place mentions: no false places', () => {
  it('白云机场 is an airport, not 白云区 (Huadu plan line 1969)', () => {
    expect(names('机场改扩建：广州白云国际机场东四、西四指廊及连接楼工程、白云机场第四、')).toEqual([]);
  });

  it('花都大道 is a road (Huadu plan line 1981)', () => {
    expect(names('花都大道（机场北进场路口至红棉大道段）扩建改造工程、新花大道等。')).toEqual([]);
  });

  it('广州北站 and 广州南站 are stations (Huadu plan line 1975)', () => {
    expect(names('广佛环线（广州北站—白云机场—琶洲—广州南站）')).toEqual([]);
  });

  it('美丽广州 and 建设绿色低碳广州 are campaigns, not the city’s territory', () => {
    expect(names('要求到2027年,美丽广州建设成效显著;到2035年,人与自然和谐共生的美丽广州全面建成', guangzhou)).toEqual([]);
    expect(names('从五个维度：建设绿色低碳广州，提出推动产业结构、能源结构绿色低碳转型', guangzhou)).toEqual([]);
  });

  it('company and department names are bodies, not places (construction news)', () => {
    const text = '越秀地产股份有限公司、广州安居集团有限公司等多家企业表达了积极参与未来社区建设的意愿。广东省、广州市住房城乡建设部门，花都区人民政府，政策性金融机构';
    expect(names(text, guangdong)).toEqual([]);
    expect(names('华南国家植物园（图源：广州市生态环境局）', guangzhou)).toEqual([]);
  });

  it('cities named in a responsibility clause are bodies (provincial annex)', () => {
    const text =
      '1. 优化提升广州都市圈。发挥广州主核心、佛山副核心的引领带动作用，联动肇庆、清远、云浮、韶关“内融外联”。（广州市、佛山市、肇庆市、清远市牵头，云浮市、韶关市参与；省发展改革委、教育厅按职责分工负责）';
    const zone = { id: 'zone:广州都市圈', name: '广州都市圈', level: 'ZONE' as const, aliases: [] };
    const found = findPlaceMentions(text, { jurisdiction: guangdong, zones: [zone] }).map((m) => `${m.surface}→${m.division.id}`);
    expect(found).toEqual([
      '广州都市圈→zone:广州都市圈', '广州→div:4401', '佛山→div:4406', '肇庆→div:4412', '清远→div:4418', '云浮→div:4453', '韶关→div:4402',
    ]);
  });

  it('short district names inside other words are not places: 广清城际, 资源城乡, 珠江西航道', () => {
    expect(names('地铁九号线、广清城际一期、广州东环城际')).toEqual(['广州→div:4401']);
    expect(names('健全优质教育、医疗资源城乡共享机制', guangdong)).toEqual([]);
    expect(names('珠江后航道、珠江西航道、东江滨水开放空间', guangzhou)).toEqual([]);
  });

  it('a city with one direction is a station: 广佛环城际（广州北—佛山西） (Huadu plan)', () => {
    expect(names('广佛环城际（广州北—佛山西）、广州地铁 24号线')).toEqual(['广州→div:4401']);
  });

  it('a city before a hospital or trade fair name is part of that name', () => {
    expect(names('与广州市妇女儿童医疗中心合作')).toEqual([]);
    expect(names('中国（广州）文化产业交易会', guangdong)).toEqual([]);
  });

  it('a place followed by a clause is still a place: 支持汕头建设区域医疗中心 (provincial plan)', () => {
    expect(names('支持汕头建设区域医疗中心，探索', guangdong)).toEqual(['汕头→div:4405']);
  });

  it('花都湖南部 is the south of a lake, not 湖南 (Huadu plan line 2177)', () => {
    expect(names('推进花都湖南部片区旧村庄改造')).toEqual([]);
  });
});

describe('place mentions: common-word short forms', () => {
  it('南海 is the South China Sea in a provincial plan but 南海区 in Nanhai’s own plan', () => {
    expect(names('保护“南海Ⅰ号”等水下文化遗产，开发南海海洋资源', guangdong)).toEqual([]);
    const nanhai = resolveDivision('南海区')!;
    // tests/fixtures/nanhai-urban-rural-integration-2023-2025.txt
    expect(names('加快广佛江珠城际、佛山地铁3号线南海段建设', nanhai)).toEqual(['佛山→div:4406', '南海→div:440605']);
  });
});

describe('place mentions: other provinces', () => {
  it('reads a county named in a list: "帮扶黔西县、织金县脱贫工作" (Huadu plan line 248)', () => {
    // 黔西县 became 黔西市 in 2021, so NBS 2023 no longer knows the old name.
    expect(names('精准扶贫、对口帮扶成效显著，帮扶黔西县、织金县脱贫工作在广州市对口帮扶毕节考核中包揽前两名。')).toEqual([
      '织金县→div:520524', '广州市→div:4401',
    ]);
  });

  it('does not read names of other provinces’ places inside ordinary words', () => {
    expect(names('推动环南昆山—罗浮山县镇村高质量发展', guangzhou)).toEqual([]); // 浮山县 (Shanxi)
    expect(names('拓宽改造工程 2项城市道路改造工程')).toEqual([]); // 项城市 (Henan)
    expect(names('引导企业家、专业人才等“新乡贤”回乡')).toEqual([]); // 新乡 (Henan)
    expect(names('推进沿海城市、新兴城市建设，培育东方市场', guangdong)).toEqual([]);
  });
});

describe('place mentions: zones', () => {
  it('广州都市圈 is the zone, not the city', () => {
    const zone = { id: 'zone:广州都市圈', name: '广州都市圈', level: 'ZONE' as const, aliases: [] };
    const found = findPlaceMentions('打造美丽广州都市圈。协同佛山、肇庆、清远、云浮、韶关', { jurisdiction: guangzhou, zones: [zone] });
    expect(found.map((m) => m.division.id)).toEqual(['zone:广州都市圈', 'div:4406', 'div:4412', 'div:4418', 'div:4453', 'div:4402']);
  });
});

describe('place mentions: short forms that read as counting phrases', () => {
  const xinhui = resolveDivision('新会区')!;
  it('does not take “三水统筹” (Xinhui water plan line 27) for 三水区', () => {
    expect(names('由污染治理为主向“三水统筹”转变，任务依然艰巨。', xinhui)).toEqual([]);
  });

  it('still reads 三水 listed after another place (Huadu plan lines 203 and 2975)', () => {
    expect(names('广佛高质量发展融合试验区（花都—三水片区）建设稳步推进')).toContain('三水→div:440607');
    expect(names('扩大、深化花都、三水两区合作共建面')).toContain('三水→div:440607');
    expect(names('推进佛山三水芦苞大道建设', guangzhou)).toContain('三水→div:440607');
  });
});
