// autocannon 8 ships no types; the part bench/ and tests/integration/soak.test.ts use.
declare module 'autocannon' {
  interface Histogram { p50: number; p99: number; average: number; total: number; max: number }
  interface Result {
    latency: Histogram;
    requests: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    mismatches: number;
    statusCodeStats: Record<string, { count: number }>;
    /** Bytes read per second (average) and in all (total). */
    throughput: Histogram;
  }
  interface RequestSpec {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    onResponse?: (status: number, body: string, context: object, headers: Record<string, string>) => void;
    /** Called before each request is sent; returns the request to send (bench/scale varies its body). */
    setupRequest?: (request: RequestSpec, context: object) => RequestSpec;
  }
  interface Options {
    url: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    requests?: RequestSpec[];
    connections?: number;
    duration?: number;
    amount?: number;
    maxOverallRequests?: number;
    pipelining?: number;
    timeout?: number;
    verifyBody?: (body: string) => boolean;
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
