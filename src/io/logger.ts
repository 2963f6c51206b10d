import pino, { type DestinationStream, type Logger } from 'pino';

export type LogFormat = 'pretty' | 'json';
export const LOG_FORMATS: readonly LogFormat[] = ['pretty', 'json'];

export interface LoggerOptions {
  /** pretty: one readable line per message (the default); json: pino's JSON lines, for log collectors. */
  format?: LogFormat;
  /** Where log lines go; stderr by default, so that stdout stays free for data. */
  stream?: NodeJS.WritableStream;
}

const LEVEL_WORDS: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warning', 50: 'error', 60: 'fatal' };
const HIDDEN_KEYS = new Set(['level', 'time', 'msg', 'pid', 'hostname']);

/** One log record as a person reads it: `credlink: warning: the message (file=x, mode=644)`. */
export function prettyLogLine(record: Record<string, unknown>): string {
  const level = typeof record.level === 'number' ? LEVEL_WORDS[record.level] ?? 'log' : 'log';
  const context = Object.entries(record)
    .filter(([key]) => !HIDDEN_KEYS.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const where = context.length > 0 ? ` (${context.join(', ')})` : '';
  const prefix = level === 'info' ? '' : `${level}: `;
  return `credlink: ${prefix}${String(record.msg ?? '')}${where}\n`;
}

function prettyDestination(stream: NodeJS.WritableStream): DestinationStream {
  return {
    write(line: string) {
      try {
        stream.write(prettyLogLine(JSON.parse(line) as Record<string, unknown>));
      } catch {
        stream.write(line);
      }
    },
  };
}

/** Logs go to stderr only, so stdout stays free for data. */
export function createLogger(level: string = process.env.CREDLINK_LOG_LEVEL ?? 'info', options: LoggerOptions = {}): Logger {
  const format = options.format ?? 'pretty';
  const settings = { level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime };
  if (format === 'json') return pino(settings, options.stream ?? pino.destination(2));
  return pino(settings, prettyDestination(options.stream ?? process.stderr));
}

export type { Logger };
