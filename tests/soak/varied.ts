/**
 * The varied soak (`npm run soak`; tests/integration/abuse-soak.test.ts runs a short one): many
 * workers send requests whose text and variables change with every request, as real clients and
 * a hostile one would: distinct query texts (aliases, operation names), search words drawn at
 * random, random page sizes and cursors, filters, plus requests that must be refused (undeclared
 * variables, long search text, too many aliases). Every 10 s it prints the server's RSS (after a
 * full GC in the server), and it fails when RSS grows past the bound over its reading after the
 * warm-up: the caches are bounded by one budget (api/common/memoryBudget.ts), so anything more
 * is a leak.
 */
import type { ServerChild } from '../../bench/queries/child.ts';

export interface SoakOptions {
  server: ServerChild;
  seconds: number;
  /** Requests in flight at once. */
  workers?: number;
  /** Allowed RSS growth over the post-warm-up reading, in MB. */
  rssGrowthMb: number;
  warmupSeconds?: number;
  printEverySeconds?: number;
  log?: (line: string) => void;
}

export interface SoakResult {
  requests: number;
  /** Answers that were neither the expected success nor the expected refusal. */
  problems: string[];
  baselineRssMb: number;
  highestRssMb: number;
  readings: { second: number; rssMb: number; heapMb: number }[];
  passed: boolean;
}

const WORDS = ['花都', '建设', '城乡', '融合', '产业', '交通', '生态', '住房', '教育', '医疗', '乡村', '振兴', '数字', '改革', '农业', '水利', '安全', '文化', '旅游', '碳达峰'];
const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;
const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join('');

interface Probe {
  body: unknown;
  /** What a correct server answers: 200 with data, or 400 with this error code. */
  expect: 200 | 'BAD_USER_INPUT';
}

let serial = 0;

/** One request, different every time. */
export function nextRequest(): Probe {
  const n = ++serial;
  const alias = `r${n.toString(36)}`;
  switch (n % 8) {
    case 0:
      return { body: { query: `query S${n}($t: String!, $k: Int) { ${alias}: search(text: $t, first: $k) { __typename } }`, variables: { t: words(1 + (n % 4)), k: 1 + (n % 30) } }, expect: 200 };
    case 1:
      return {
        body: { query: `query T${n}($f: TaskFilter, $k: Int) { ${alias}: tasks(filter: $f, first: $k) { totalCount edges { cursor node { id title } } } }`, variables: { f: { text: words(1 + (n % 3)) }, k: 1 + (n % 50) } },
        expect: 200,
      };
    case 2:
      return { body: { query: `{ ${alias}: district(name: "${pick(['花都', '花都区', '广州市', '从化区', '广东省'])}") { name tasks(first: ${1 + (n % 20)}) { totalCount } } }` }, expect: 200 };
    case 3:
      return { body: { query: `query P${n} { ${alias}: plans { id title } }` }, expect: 200 };
    case 4:
      // A hostile client: a 12 KB variable the operation does not declare.
      return { body: { query: `query U${n} { ${alias}: plans { id } }`, variables: { junk: 'x'.repeat(12 * 1024), n } }, expect: 'BAD_USER_INPUT' };
    case 5:
      return { body: { query: `query L${n}($t: String!) { search(text: $t) { __typename } }`, variables: { t: words(300) } }, expect: 'BAD_USER_INPUT' };
    case 6: {
      const after = Buffer.from(`offset:${n % 40}`, 'utf8').toString('base64url');
      return { body: { query: `query C${n}($a: String) { ${alias}: tasks(first: 5, after: $a) { pageInfo { endCursor hasNextPage } } }`, variables: { a: after } }, expect: 200 };
    }
    default:
      return { body: { query: `{ ${Array.from({ length: 11 + (n % 5) }, (_, i) => `${alias}x${i}: plans { id }`).join(' ')} }` }, expect: 'BAD_USER_INPUT' };
  }
}

async function send(url: string, probe: Probe, problems: string[]): Promise<void> {
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(probe.body) });
    const text = await res.text();
    const ok =
      probe.expect === 200
        ? res.status === 200 && text.startsWith('{"data"') && !text.includes('"errors"')
        : res.status === 400 && text.includes(`"code":"${probe.expect}"`);
    if (!ok && problems.length < 20) problems.push(`${res.status} ${text.slice(0, 200)} ← ${JSON.stringify(probe.body).slice(0, 150)}`);
  } catch (err) {
    if (problems.length < 20) problems.push(`request failed: ${(err as Error).message}`);
  }
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const { server, seconds, workers = 16, rssGrowthMb, warmupSeconds = Math.min(20, Math.max(5, seconds / 6)), printEverySeconds = 10, log = console.log } = options;
  const problems: string[] = [];
  let requests = 0;
  let stopAt = 0;
  const work = async () => {
    while (Date.now() < stopAt) {
      await send(server.url, nextRequest(), problems);
      requests++;
    }
  };
  const measure = async () => {
    const m = await server.memoryAfterGc!();
    return { rssMb: m.rss / 1024 / 1024, heapMb: m.heapUsed / 1024 / 1024 };
  };

  stopAt = Date.now() + warmupSeconds * 1000;
  await Promise.all(Array.from({ length: workers }, work));
  const baseline = await measure();
  log(`[soak] warm-up ${warmupSeconds} s, ${requests} requests: RSS ${baseline.rssMb.toFixed(0)} MB, heap ${baseline.heapMb.toFixed(1)} MB (bound: +${rssGrowthMb} MB)`);

  const started = Date.now();
  const readings: SoakResult['readings'] = [];
  const counted = requests;
  const timer = setInterval(() => {
    void measure().then((r) => {
      const second = Math.round((Date.now() - started) / 1000);
      readings.push({ second, ...r });
      log(`[soak] ${second} s: RSS ${r.rssMb.toFixed(0)} MB (${r.rssMb >= baseline.rssMb ? '+' : ''}${(r.rssMb - baseline.rssMb).toFixed(0)}), heap ${r.heapMb.toFixed(1)} MB, ${requests - counted} requests, ${problems.length} bad answers`);
    });
  }, printEverySeconds * 1000);
  stopAt = started + seconds * 1000;
  await Promise.all(Array.from({ length: workers }, work));
  clearInterval(timer);
  const end = await measure();
  readings.push({ second: Math.round((Date.now() - started) / 1000), ...end });
  const highest = Math.max(...readings.map((r) => r.rssMb));
  const passed = highest - baseline.rssMb <= rssGrowthMb && problems.length === 0;
  log(
    `[soak] ${seconds} s, ${requests - counted} requests (${((requests - counted) / seconds).toFixed(0)}/s): RSS ${baseline.rssMb.toFixed(0)} → highest ${highest.toFixed(0)} MB ` +
      `(+${(highest - baseline.rssMb).toFixed(0)}, bound +${rssGrowthMb}); ${problems.length} bad answers${problems.length ? `, first: ${problems[0]}` : ''}; ${passed ? 'PASS' : 'FAIL'}`,
  );
  return { requests: requests - counted, problems, baselineRssMb: baseline.rssMb, highestRssMb: highest, readings, passed };
}
