/** One autocannon run: a fixed POST body at N connections for a few seconds. */
import autocannon from 'autocannon';

export interface LoadFigures {
  /** Latency percentiles in ms. */
  p50: number;
  p99: number;
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
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: Math.round(result.requests.average * 10) / 10,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
