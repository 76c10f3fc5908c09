/**
 * Not a workflow: interceptors compiled into the workflow bundle (see workflow-bundle.ts).
 *
 * OpenTelemetry's workflow interceptors draw span ids from the workflow's deterministic random
 * source, which shifts every later `uuid4()`: a run begun without them would no longer replay with
 * them (a recorded Jugendhilfedienst history failed on its child consultation's id). So a run is
 * traced only when its start carried a trace context, a fact of its first history event that every
 * replay sees alike; runs started untraced (before tracing, or with TRACING=off) stay untouched.
 * Queries and update validators are never traced (see below).
 */
import type {
  WorkflowInboundCallsInterceptor,
  WorkflowInterceptors,
  WorkflowInternalsInterceptor,
  WorkflowOutboundCallsInterceptor,
} from '@temporalio/workflow';
import type {
  OpenTelemetryInboundInterceptor,
  OpenTelemetryInternalsInterceptor,
  OpenTelemetryOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry/lib/workflow';

type OpenTelemetryWorkflowModule = typeof import('@temporalio/interceptors-opentelemetry/lib/workflow');

/**
 * OpenTelemetry's workflow module, loaded by the first traced run. The worker evaluates the bundle's
 * modules once per workflow it creates (a start, or a replay after eviction), and this one — the
 * OpenTelemetry API and SDK, and globals it sets for them — cost 6.9 % of the workflow thread's time
 * in the update benchmark and memory in every cached workflow, though untraced runs never use it.
 */
function openTelemetry(): OpenTelemetryWorkflowModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- evaluated lazily, see above
  return require('@temporalio/interceptors-opentelemetry/lib/workflow') as OpenTelemetryWorkflowModule;
}

/** The header the client and parent workflows put the trace context in (@temporalio/interceptors-opentelemetry). */
const TRACE_HEADER = '_tracer-data';

interface Traced {
  inbound: OpenTelemetryInboundInterceptor;
  outbound: OpenTelemetryOutboundInterceptor;
  internals: OpenTelemetryInternalsInterceptor;
}

export const interceptors = (): WorkflowInterceptors => {
  let traced: Traced | undefined;
  const inbound: WorkflowInboundCallsInterceptor = {
    execute(input, next) {
      if (input.headers[TRACE_HEADER]) {
        const otel = openTelemetry();
        traced = {
          inbound: new otel.OpenTelemetryInboundInterceptor(),
          outbound: new otel.OpenTelemetryOutboundInterceptor(),
          internals: new otel.OpenTelemetryInternalsInterceptor(),
        };
      }
      return traced ? traced.inbound.execute(input, next) : next(input);
    },
    handleSignal: (input, next) => (traced ? traced.inbound.handleSignal(input, next) : next(input)),
    handleUpdate: (input, next) => (traced ? traced.inbound.handleUpdate(input, next) : next(input)),
    // Queries and update validators run on the live worker only (a query, a rejected update leave no
    // history event): a span there would draw from the random source that replay does not draw from,
    // and the next uuid4() of the workflow would differ after a cache eviction (seen: the Fallteam
    // child's id in a Jugendhilfedienst case). They pass through untraced.
    validateUpdate: (input, next) => next(input),
    handleQuery: (input, next) => next(input),
  };
  const outbound: WorkflowOutboundCallsInterceptor = {
    scheduleActivity: (input, next) => (traced ? traced.outbound.scheduleActivity(input, next) : next(input)),
    scheduleLocalActivity: (input, next) => (traced ? traced.outbound.scheduleLocalActivity(input, next) : next(input)),
    startChildWorkflowExecution: (input, next) => (traced ? traced.outbound.startChildWorkflowExecution(input, next) : next(input)),
    continueAsNew: (input, next) => (traced ? traced.outbound.continueAsNew(input, next) : next(input)),
    signalWorkflow: (input, next) => (traced ? traced.outbound.signalWorkflow(input, next) : next(input)),
    getLogAttributes: (input, next) => (traced ? traced.outbound.getLogAttributes(input, next) : next(input)),
  };
  const internals: WorkflowInternalsInterceptor = {
    dispose(input, next) {
      // OpenTelemetry's dispose is async only by signature: it disables its context manager and calls next at once.
      if (traced) void traced.internals.dispose(input, next);
      else next(input);
    },
  };
  return { inbound: [inbound], outbound: [outbound], internals: [internals] };
};
