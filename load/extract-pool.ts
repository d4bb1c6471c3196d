/**
 * Extraction on every core: a pool of worker threads (load/extract-worker.mjs), each
 * running load/extract.ts's extractPaths on the files it is given, so loading from source
 * is no longer bound by the one core the writes are driven from. Documents come back as
 * structured clones (GraphDocuments are plain data).
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Extract, ExtractedDocument } from './load-paths.ts';

/**
 * Worker threads a load uses by default: one per core the process may use but one, which the
 * writes need (the thread driving them, and Neo4j when it runs here). On 2 cores that is 1:
 * extraction on the loading thread, since two workers loaded 200 documents no faster there
 * (1.01× in the benchmark, up to 25% slower in loads repeated by hand: the writes keep Neo4j on
 * more than one core, and each worker starts and warms up its own copy of the pipeline):
 * docs/benchmarks.md. `--workers N` overrides it.
 */
export function defaultExtractWorkers(cores = os.availableParallelism?.() ?? os.cpus().length): number {
  return Math.max(1, cores - 1);
}

export interface ExtractPool {
  extract: Extract;
  close(): Promise<void>;
}

interface Job {
  id: number;
  paths: string[];
  resolve(value: { documents: ExtractedDocument[] }): void;
  reject(err: Error): void;
}

export function createExtractPool(size: number): ExtractPool {
  const url = new URL('./extract-worker.mjs', import.meta.url);
  const queue: Job[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job>();
  let nextId = 0;
  let closed = false;

  const pump = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const job = queue.shift()!;
      busy.set(worker, job);
      worker.postMessage({ id: job.id, paths: job.paths });
    }
  };

  const workers = Array.from({ length: Math.max(1, size) }, () => {
    const worker = new Worker(url);
    worker.on('message', (m: { ready?: boolean; id?: number; result?: { documents: ExtractedDocument[] }; error?: string }) => {
      if (!m.ready) {
        const job = busy.get(worker);
        busy.delete(worker);
        if (job) {
          if (m.error !== undefined) job.reject(new Error(m.error));
          else job.resolve({ documents: m.result!.documents });
        }
      }
      idle.push(worker);
      pump();
    });
    worker.on('error', (err) => {
      // A worker that dies fails its job; the others carry on.
      const job = busy.get(worker);
      busy.delete(worker);
      job?.reject(err);
    });
    return worker;
  });

  return {
    extract: (paths) =>
      new Promise((resolve, reject) => {
        if (closed) return reject(new Error('extraction pool is closed'));
        queue.push({ id: nextId++, paths, resolve, reject });
        pump();
      }),
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('extraction pool closed'));
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
