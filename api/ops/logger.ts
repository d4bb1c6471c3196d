/**
 * The server's log: plain lines, or with PLANGRAPH_LOG_FORMAT=json one JSON object per line
 * ({"time","level","msg"} plus fields such as status, ms, operation, errors for requests) for log
 * collectors.
 */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** `[plangraph] 200 12 ms query Flagship errors=A,B` → its fields, so JSON logs can be filtered on them. */
const REQUEST_LINE = /^\[plangraph\] (\d{3}) (\d+) ms (\S+) (\S+)(?: errors=(\S+))?$/;

export function jsonLine(level: string, message: string, now = new Date()): string {
  const request = REQUEST_LINE.exec(message);
  const fields = request
    ? { status: Number(request[1]), ms: Number(request[2]), kind: request[3], operation: request[4], ...(request[5] ? { errors: request[5].split(',') } : {}) }
    : {};
  return JSON.stringify({ time: now.toISOString(), level, msg: message.replace(/^\[plangraph\] /, '').trim(), ...fields });
}

export function createLogger(format: 'text' | 'json'): Logger {
  if (format === 'text') return { info: (m) => console.log(m), warn: (m) => console.warn(m), error: (m) => console.error(m) };
  return {
    info: (m) => process.stdout.write(jsonLine('info', m) + '\n'),
    warn: (m) => process.stderr.write(jsonLine('warn', m) + '\n'),
    error: (m) => process.stderr.write(jsonLine('error', m) + '\n'),
  };
}
