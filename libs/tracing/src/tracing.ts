import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, InMemorySpanExporter, SimpleSpanProcessor, SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { AppConfig } from '@sro/config';

/** The process's tracing: the exporter (for the Temporal worker's workflow-span sink) and its resource. */
export interface ActiveTracing {
  exporter: SpanExporter;
  /** The processor spans go through; the worker hands workflow spans to it as well. */
  processor: SpanProcessor;
  resource: Resource;
  provider: NodeTracerProvider;
}

let active: ActiveTracing | undefined;

/**
 * Registers the OpenTelemetry SDK once per process (API and worker share it when they run in one
 * process, as in tests): W3C trace context, AsyncLocalStorage context, and the configured exporter.
 * With `off` nothing is registered and the API's tracer stays a no-op.
 */
export function startTracing(config: Pick<AppConfig, 'tracing'>): ActiveTracing | undefined {
  if (active || config.tracing.exporter === 'off') return active;
  const resource = new Resource({ 'service.name': config.tracing.serviceName });
  const exporter: SpanExporter =
    config.tracing.exporter === 'memory'
      ? new InMemorySpanExporter()
      : new OTLPTraceExporter({ url: `${config.tracing.otlpEndpoint}/v1/traces` });
  const processor = config.tracing.exporter === 'memory' ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter);
  const provider = new NodeTracerProvider({ resource, spanProcessors: [processor] });
  provider.register();
  active = { exporter, processor, resource, provider };
  return active;
}

/** The spans kept by `TRACING=memory` (tests); empty otherwise. */
export function finishedSpansInMemory() {
  return active?.exporter instanceof InMemorySpanExporter ? active.exporter.getFinishedSpans() : [];
}
