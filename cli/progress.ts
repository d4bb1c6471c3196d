/**
 * Progress for the long waits of `neo4j start`, `neo4j install` and `up`: the Maven fetch of
 * Neo4j (about 100 s on a fresh clone) and the Neo4j start (40–75 s). On a terminal a bar with
 * the time left (from artifacts fetched, or from the expected duration); elsewhere (CI logs) a
 * line when a phase begins and one every 15 s while it runs.
 */
import cliProgress from 'cli-progress';
import type { PhaseReporter } from '../graph/local/launcher.ts';

export interface Progress {
  log(line: string): void;
  phases: PhaseReporter;
  stop(): void;
}

export function startProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  let bar: cliProgress.SingleBar | undefined;
  let timer: NodeJS.Timeout | undefined;
  let started = 0;
  let expected = 0;
  let counted = false;
  let label = '';

  const end = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
    bar?.stop();
    bar = undefined;
  };
  const elapsed = () => (Date.now() - started) / 1000;

  const phases: PhaseReporter = {
    begin(name, { expectedSeconds, total }) {
      end();
      started = Date.now();
      expected = expectedSeconds;
      counted = total !== undefined;
      label = name;
      if (!stream.isTTY) {
        stream.write(`${name} (usually about ${Math.round(expectedSeconds)} s) …\n`);
        timer = setInterval(() => stream.write(`  … ${name}: ${Math.round(elapsed())} s so far\n`), 15_000);
        timer.unref();
        return;
      }
      bar = new cliProgress.SingleBar(
        { stream, format: `${name} [{bar}] {percentage}%  {elapsed}s, about {left} left{extra}`, hideCursor: true, clearOnComplete: true },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total ?? Math.round(expectedSeconds * 10), 0, { left: `${Math.round(expectedSeconds)} s`, extra: '', elapsed: 0 });
      // Time-based phases move with the clock; counted ones also get the clock for "elapsed".
      timer = setInterval(() => {
        const s = elapsed();
        if (!counted) {
          const total = Math.round(expected * 10);
          bar?.update(Math.min(Math.round(s * 10), total - 1), { left: s < expected ? `${Math.round(expected - s)} s` : 'a little', elapsed: Math.round(s) });
        } else bar?.update({ elapsed: Math.round(s) });
      }, 500);
      timer.unref();
    },
    advance(done, extra) {
      if (!bar || !counted) return;
      const s = elapsed();
      const total = bar.getTotal();
      const rate = done / Math.max(s, 1);
      const left = done > 5 ? `${Math.max(1, Math.round((total - done) / rate))} s` : `${Math.round(Math.max(expected - s, 1))} s`;
      bar.update(Math.min(done, total - 1), { left, elapsed: Math.round(s), extra: extra ? `  ${extra}` : '' });
    },
    end() {
      const s = elapsed();
      end();
      if (!stream.isTTY && label) stream.write(`${label}: done in ${Math.round(s)} s\n`);
      label = '';
    },
  };
  return {
    log(line) {
      if (bar) {
        // Keep the bar whole: a line printed over it would be half-erased at the next update.
        stream.write('\r\x1b[K');
        console.log(line);
      } else console.log(line);
    },
    phases,
    stop: end,
  };
}
