/** One autocannon run: a fixed POST body at N connections for a few seconds. */
import autocannon from 'autocannon';

export interface LoadFigures {
  /** Latency percentiles in ms; null when no request completed in the run. */
  p50: number | null;
  p99: number | null;
  /** Mean requests per second. */
  rps: number;
  requests: number;
  errors: number;
  non2xx: number;
}

export async function cannon(url: string, body: string, connections: number, seconds: number): Promise<LoadFigures> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections,
    duration: seconds,
    // One request in flight per connection: N connections = N concurrent clients.
    pipelining: 1,
    timeout: 30,
  });
  const answered = result.requests.total > 0;
  return {
    p50: answered ? result.latency.p50 : null,
    p99: answered ? result.latency.p99 : null,
    rps: Math.round(result.requests.average * 10) / 10,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
