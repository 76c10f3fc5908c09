import { interceptors } from '../../libs/temporal-worker/src/workflow-tracing.interceptors';

/**
 * Queries and update validators leave no history event, so nothing they do may touch the workflow's
 * random source: with spans there, a traced run drew span ids live that a replay never drew, and the
 * next uuid4() (a Fallteam child's id) differed after a cache eviction. They must pass straight through,
 * also in a run whose start carried a trace context.
 */
describe('workflow tracing interceptors', () => {
  // The workflow sandbox provides AsyncLocalStorage as a global; OpenTelemetry's workflow context manager needs it.
  const global = globalThis as { AsyncLocalStorage?: unknown };
  beforeAll(() => {
    global.AsyncLocalStorage = jest.requireActual<typeof import('node:async_hooks')>('node:async_hooks').AsyncLocalStorage;
  });
  afterAll(() => {
    delete global.AsyncLocalStorage;
  });

  const traced = () => {
    const { inbound } = interceptors();
    const [first] = inbound!;
    // A start with a trace context switches tracing on for the run (execute is the first call of a run).
    const executeNext = jest.fn(async () => 'ran');
    const started = first.execute!({ headers: { '_tracer-data': { data: new Uint8Array() } as never }, args: [] }, executeNext);
    return { first, started };
  };

  it('answers a query without any span: the handler gets the very input and its answer goes back unchanged', async () => {
    const { first, started } = traced();
    await started.catch(() => undefined); // outside a workflow the traced execute may fail; the run's mode is set before
    const answer = Promise.resolve('Zustand');
    const next = jest.fn(() => answer);
    const input = { queryName: 'state', queryId: 'q1', args: [], headers: {} };
    expect(first.handleQuery!(input, next)).toBe(answer);
    expect(next).toHaveBeenCalledWith(input);
  });

  it('validates an update without any span', async () => {
    const { first, started } = traced();
    await started.catch(() => undefined);
    const next = jest.fn();
    const input = { updateId: 'u1', name: 'complete', args: [], headers: {} };
    first.validateUpdate!(input, next);
    expect(next).toHaveBeenCalledWith(input);
  });
});
