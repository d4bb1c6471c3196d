// autocannon 8 ships no types; the part bench/queries/cannon.ts uses.
declare module 'autocannon' {
  interface Histogram { p50: number; p99: number; average: number; total: number }
  interface Result { latency: Histogram; requests: Histogram; errors: number; timeouts: number; non2xx: number }
  interface Options {
    url: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    connections?: number;
    duration?: number;
    amount?: number;
    pipelining?: number;
    timeout?: number;
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
