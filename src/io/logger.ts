import pino, { type Logger } from 'pino';

/** Logs go to stderr only, so stdout stays free for data. */
export function createLogger(level: string = process.env.CREDLINK_LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, pino.destination(2));
}

export type { Logger };
