/** List items, lead names and investments as the seed boxes print them. */
import { describe, expect, it } from 'vitest';
import { isConcreteName, isDesignation } from './categories.ts';
import { cleanItem, investmentIn, isPolicyPhrase, leadName, listItems } from './items.ts';

const works = (text: string) => listItems(text).map((i) => cleanItem(i.raw)).filter((n) => !isPolicyPhrase(n) && isConcreteName(n, false));

describe('listItems + cleanItem', () => {
  it('Huadu 专栏4 line 2013: "继续推进红棉大道工程、儿童公园周边道路工程（平石路、瑞莲路）、…等项目。"', () => {
    expect(works('继续推进红棉大道工程、儿童公园周边道路工程（平石路、瑞莲路）、莲山路（永安路-商业大道）工程、永安路（建设路—莲山路）工程等项目。')).toEqual([
      '红棉大道工程', '儿童公园周边道路工程（平石路、瑞莲路）', '莲山路（永安路-商业大道）工程', '永安路（建设路—莲山路）工程',
    ]);
  });

  it('a label applies to its list; 、 between numerals is not a separator ("第四、五跑道")', () => {
    const items = listItems('机场改扩建：白云机场第四、五跑道和第三航站楼、第四航站楼。');
    expect(items.map((i) => [cleanItem(i.raw), i.label])).toEqual([['白云机场第四、五跑道和第三航站楼', '机场改扩建'], ['第四航站楼', '机场改扩建']]);
  });

  it('two wings of one work are one item: "机场改扩建：广州白云国际机场东四、西四指廊及连接楼工程、白云机场第四、…" (Huadu line 1969)', () => {
    const items = listItems('机场改扩建：广州白云国际机场东四、西四指廊及连接楼工程、白云机场第四、五跑道和第三航站楼、第三航站楼工程综合交通中心、第四航站楼。');
    expect(items.map((i) => cleanItem(i.raw))).toEqual(['广州白云国际机场东四、西四指廊及连接楼工程', '白云机场第四、五跑道和第三航站楼', '第三航站楼工程综合交通中心', '第四航站楼']);
  });

  it('phases of one project stay one item: "推动惠州太平岭核电一期、二期项目建设" (Huizhou)', () => {
    expect(listItems('推动惠州太平岭核电一期、二期项目建设，规划建设稔山镇新材料产业园').map((i) => cleanItem(i.raw))[0]).toBe('惠州太平岭核电一期、二期项目建设');
  });

  it('a bracket the source never closes does not swallow the list (Huadu line 2024 "花侨大道（国际冷链…、花狮大道〔…〕工程")', () => {
    expect(works('花侨大道（国际冷链产品交易中心项目周边道路、花狮大道〔芙蓉大道—机场北进场路〕工程、平步大道西延线等项目。')).toEqual([
      '花侨大道（国际冷链产品交易中心项目周边道路', '花狮大道〔芙蓉大道—机场北进场路〕工程', '平步大道西延线',
    ]);
  });

  it('a bracket is closed only within its sentence: "（一期。" opens none, the stray "）" after it closes none', () => {
    expect(listItems('建设花侨大道（一期。二期）、花狮大道（芙蓉大道—机场北进场路）工程。').map((i) => [i.raw, i.group])).toEqual([
      ['建设花侨大道（一期', 0], ['二期）', 1], ['花狮大道（芙蓉大道—机场北进场路）工程', 1],
    ]);
  });

  it('tram branches named by code are works: "地铁 9号线西延、有轨电车 X6 支、X9+X9 支" (Huadu line 1977)', () => {
    expect(works('地铁 9号线西延、有轨电车 X6 支、花莞高速西延线。')).toEqual(['地铁9号线西延', '有轨电车X6支', '花莞高速西延线']);
    expect(isConcreteName('有轨电车', false)).toBe(false);
  });

  it('programmes and generic facilities are not works: "“粤菜师傅”工程", "智能停车场", "公共图书馆"', () => {
    expect(works('“粤菜师傅”工程、智能停车场、公共图书馆、花都广场地铁站。')).toEqual(['花都广场地铁站']);
  });
});

describe('leadName + investmentIn', () => {
  it('Huadu 专栏6 line 2436: "新能源智能网联汽车小镇。总投资 30 亿元，…"', () => {
    const text = '新能源智能网联汽车小镇。总投资 30 亿元，以国家级科创中心建设为核心';
    expect(leadName(text)?.name).toBe('新能源智能网联汽车小镇');
    expect(investmentIn(text)).toBe('30亿元');
  });
  it('Huadu 专栏8 line 3851: "…计划投资约 4.3 亿元。" and 专栏6 line 2440 "总投资 25 个亿"', () => {
    expect(investmentIn('规划病床数 300 张，计划投资约 4.3 亿元。')).toBe('约4.3亿元');
    expect(investmentIn('花东七溪地芳香小镇。总投资 25 个亿。')).toBe('25个亿');
  });
  it('a numbered box item goes on after a comma: "2．九江镇双创产业园，总投资8.5亿元，位于九江镇。"', () => {
    expect(leadName('2．九江镇双创产业园，总投资8.5亿元，位于九江镇。')?.name).toBe('九江镇双创产业园');
  });
});

describe('isDesignation', () => {
  it('"依托白云机场综合保税区、临空经济示范区、跨境电商综合试验区…城乡融合发展试验区等平台" (Huadu line 3479): bare designations', () => {
    for (const name of ['临空经济示范区', '跨境电商综合试验区', '绿色金融改革创新试验区', '城乡融合发展试验区', '完整社区']) expect(isDesignation(name), name).toBe(true);
    // own names make a particular platform; a bonded zone is a concrete area anyway
    for (const name of ['深河产业共建示范区', '粤桂合作特别试验区', '白云机场综合保税区', '广州北站商务区']) expect(isDesignation(name), name).toBe(false);
  });
});
