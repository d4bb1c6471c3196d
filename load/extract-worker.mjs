// A worker thread of load/extract-pool.ts: extracts the files it is sent with
// load/extract.ts and posts the documents back. Plain JavaScript so it starts the same way
// under `plangraph`, tsx or vitest: it registers tsx itself before loading the TypeScript pipeline.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { extractPaths } = await import('./extract.ts');

parentPort.on('message', async ({ id, paths }) => {
  try {
    parentPort.postMessage({ id, result: await extractPaths(paths) });
  } catch (err) {
    parentPort.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
parentPort.postMessage({ ready: true });
