import { ConsoleLogger, LogLevel } from '@nestjs/common';
import { currentTraceIds } from './trace-request.middleware';

const ORDER: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** A JSON log object that names the trace it was written in (when tracing is on), so logs and traces join. */
class TraceAwareJsonLogger extends ConsoleLogger {
  protected override getJsonLogObject(
    message: unknown,
    options: { context: string; logLevel: LogLevel; writeStreamType?: 'stdout' | 'stderr'; errorStack?: unknown },
  ) {
    const object = super.getJsonLogObject(message, options);
    const ids = currentTraceIds();
    return ids ? { ...object, traceId: ids.traceId, spanId: ids.spanId } : object;
  }
}

/** Structured JSON logs (one object per line) at or above the configured level. */
export function createJsonLogger(level: LogLevel, context?: string): ConsoleLogger {
  const logLevels = ORDER.slice(0, ORDER.indexOf(level) + 1);
  return context ? new TraceAwareJsonLogger(context, { json: true, logLevels }) : new TraceAwareJsonLogger({ json: true, logLevels });
}
