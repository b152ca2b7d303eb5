// Minimal structured log to stderr, so stdout stays clean for `--json` output.
type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export type Log = {
  debug(msg: string, fields?: object): void;
  info(msg: string, fields?: object): void;
  warn(msg: string, fields?: object): void;
  error(msg: string, fields?: object): void;
};

/**
 * Plain lines for commands people run; JSON lines (as the web role's pino writes) for long-running processes
 * whose logs a collector parses: `bindings` (role, pid) go on every line.
 */
export function createLog(
  level: Level = 'info',
  stream: NodeJS.WritableStream = process.stderr,
  json?: { bindings: object },
): Log {
  const write = (at: Level) => (msg: string, fields?: object) => {
    if (order[at] < order[level]) return;
    if (json) {
      stream.write(`${JSON.stringify({ level: at, time: Date.now(), ...json.bindings, msg, ...fields })}\n`);
      return;
    }
    const extra = fields ? ` ${JSON.stringify(fields)}` : '';
    stream.write(`${at}: ${msg}${extra}\n`);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
