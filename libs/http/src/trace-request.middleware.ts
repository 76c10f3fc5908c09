import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';

const tracer = trace.getTracer('sro-api');

/**
 * One server span per request, continuing a W3C `traceparent` from the caller; everything the
 * request does (the Temporal client's workflow start, log lines) runs inside it. Without a
 * registered tracer provider (TRACING=off) the span is a no-op. Named by method and route pattern
 * only: paths and query strings may carry identifiers.
 */
export function traceRequest(req: Request, res: Response, next: NextFunction): void {
  const parent = propagation.extract(context.active(), req.headers);
  const span = tracer.startSpan(req.method, { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method } }, parent);
  const active = trace.setSpan(parent, span);
  // Body parsing and 'finish' run in the socket's async context: bind both emitters to the span's.
  context.bind(active, req);
  context.bind(active, res);
  res.on('finish', () => {
    const route = (req.route?.path as string | undefined) ?? undefined;
    if (route) {
      span.updateName(`${req.method} ${route}`);
      span.setAttribute('http.route', route);
    }
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  context.with(active, next);
}

/** Trace and span id of the active span, for log lines; nothing when no span records. */
export function currentTraceIds(): { traceId: string; spanId: string } | undefined {
  const ctx = trace.getSpan(context.active())?.spanContext();
  return ctx && trace.isSpanContextValid(ctx) ? { traceId: ctx.traceId, spanId: ctx.spanId } : undefined;
}
