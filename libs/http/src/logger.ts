import { ConsoleLogger, LogLevel } from '@nestjs/common';

const ORDER: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** Structured JSON logs (one object per line) at or above the configured level. */
export function createJsonLogger(level: LogLevel, context?: string): ConsoleLogger {
  const logLevels = ORDER.slice(0, ORDER.indexOf(level) + 1);
  return context ? new ConsoleLogger(context, { json: true, logLevels }) : new ConsoleLogger({ json: true, logLevels });
}
