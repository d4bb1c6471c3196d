// Drives a headless Chromium through the DevTools protocol (no library: Node 20's WebSocket,
// run with --experimental-websocket). Opens a page, optionally logs in to Neo4j Browser's
// connect form, waits for a text, saves a screenshot, and prints one JSON line: every URL the
// page requested (Network domain) plus every URL Chromium's network stack saw (its net log,
// which also covers workers), the page's text, and whether the text appeared.
//
//   node --experimental-websocket tests/support/cdp-browse.mjs '{"chromium":"…","url":"…",
//     "password":"…","waitFor":"…","screenshot":"out.png","timeoutMs":60000}'
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const opts = JSON.parse(process.argv[2]);
const profile = mkdtempSync(path.join(tmpdir(), 'plangraph-cdp-'));
const netlog = path.join(profile, 'netlog.json');
const chrome = spawn(
  opts.chromium,
  [
    '--no-sandbox',
    '--disable-gpu',
    '--remote-debugging-port=0',
    `--user-data-dir=${profile}`,
    `--log-net-log=${netlog}`,
    // "Network unplugged": anything but this machine fails to resolve (and still shows in the logs).
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    '--window-size=1400,1000',
    'about:blank',
  ],
  { stdio: ['ignore', 'ignore', 'pipe'] },
);

const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let lastStep = 'start';
const step = (what) => {
  lastStep = what;
  if (opts.debug) process.stderr.write(`[cdp] ${what}\n`);
};
// Whatever hangs, the run ends: Chromium killed, what was seen reported.
const watchdog = setTimeout(() => {
  process.stdout.write(JSON.stringify({ error: `timed out at: ${lastStep}`, requested: [], netlog: [] }) + '\n');
  chrome.kill('SIGKILL');
  process.exit(3);
}, (opts.timeoutMs ?? 60_000) + 30_000);

const wsUrl = await new Promise((resolve, reject) => {
  let err = '';
  chrome.stderr.on('data', (b) => {
    err += b;
    const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
    if (m) resolve(m[1]);
  });
  chrome.once('exit', (code) => reject(new Error(`chromium exited (${code}): ${err.slice(-500)}`)));
});

step('connect ' + wsUrl);
const ws = new WebSocket(wsUrl);
await new Promise((resolve, reject) => {
  ws.onopen = resolve;
  ws.onerror = reject;
});
let nextId = 1;
const pending = new Map();
const requested = [];
ws.onmessage = (event) => {
  const msg = JSON.parse(event.data);
  if (msg.id && pending.has(msg.id)) {
    const { resolve, reject } = pending.get(msg.id);
    pending.delete(msg.id);
    if (msg.error) reject(new Error(`${msg.error.message}`));
    else resolve(msg.result);
  } else if (msg.method === 'Network.requestWillBeSent') requested.push(msg.params.request.url);
  else if (msg.method === 'Network.webSocketCreated') requested.push(msg.params.url);
};
function send(method, params = {}, sessionId) {
  const id = nextId++;
  ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
}

let result;
try {
  step('create target');
  const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
  const page = (method, params) => send(method, params, sessionId);
  const evaluate = async (expression) => (await page('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true })).result.value;
  await page('Network.enable');
  await page('Page.enable');
  step('navigate');
  await page('Page.navigate', { url: opts.url });

  if (opts.password) {
    // Neo4j Browser's connect form: React inputs take a value through the native setter and an input event.
    while (!(await evaluate(`!!document.querySelector('[data-testid="password"]')`))) {
      if (Date.now() > deadline) throw new Error('no connect form');
      await sleep(250);
    }
    step('log in');
    await evaluate(`(() => {
      const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      const input = document.querySelector('[data-testid="password"]');
      set.call(input, ${JSON.stringify(opts.password)});
      input.dispatchEvent(new Event('input', { bubbles: true }));
    })()`);
    await sleep(200);
    await evaluate(`document.querySelector('[data-testid="connect"]').click()`);
  }

  step('wait for text');
  let found = !opts.waitFor;
  while (!found && Date.now() < deadline) {
    found = await evaluate(`document.body.innerText.includes(${JSON.stringify(opts.waitFor)})`);
    if (!found) await sleep(500);
  }
  await sleep(opts.settleMs ?? 2000); // let late requests (fonts, analytics) show
  const text = await evaluate('document.body.innerText');
  if (opts.screenshot) {
    const shot = await page('Page.captureScreenshot', { format: 'png' });
    writeFileSync(opts.screenshot, Buffer.from(shot.data, 'base64'));
  }
  result = { found, text, requested };
} catch (error) {
  result = { error: String(error), requested };
} finally {
  ws.close();
  chrome.kill('SIGTERM');
  await new Promise((r) => chrome.once('exit', r));
}
// The net log is complete once Chromium exited; it names every URL its network stack handled.
let netlogText = '';
try {
  netlogText = readFileSync(netlog, 'utf8');
} catch {
  // no net log: leave the page's own list
}
const seen = new Set();
for (const m of netlogText.matchAll(/"(?:url|original_url|location)":"((?:https?|wss?):\/\/[^"]+)"/g)) seen.add(m[1]);
rmSync(profile, { recursive: true, force: true });
clearTimeout(watchdog);
// Exit once written: Chromium's helper processes can hold its stderr pipe open, which kept this
// process alive until the caller's 120 s timeout killed it.
process.stdout.write(JSON.stringify({ ...result, netlog: [...seen] }) + '\n', () => process.exit(result.error ? 1 : 0));
