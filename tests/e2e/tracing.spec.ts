import request from 'supertest';
import { SpanKind } from '@opentelemetry/api';
import { Client, Connection } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { Role } from '@sro/common';
import type { AppConfig } from '@sro/config';
import { DefinitionRepository, DefinitionsService } from '@sro/definitions';
import { seedDemoData } from '@sro/reference-data';
import { createDataConverter } from '@sro/temporal';
import { finishedSpansInMemory } from '@sro/tracing';
import { startApi, TestApi } from '../support/api';
import { testConfig, uniqueTaskQueue } from '../support/config';
import { scratchDatabase } from '../support/database';
import { eventually } from '../support/eventually';
import { bearer } from '../support/tokens';
import { startWorker } from '../support/worker';

/**
 * OpenTelemetry with the in-memory exporter (TRACING=memory): one request that runs a workflow
 * yields one trace from the HTTP request through the Temporal client into the workflow (bundled
 * interceptors, spans through the worker's sink) and its activity; the request's log line names it.
 */
describe('tracing from the API request into workflow and activity', () => {
  let api: TestApi;
  let close: () => Promise<void>;
  let config: AppConfig;
  const lines: string[] = [];

  beforeAll(async () => {
    const db = await scratchDatabase();
    await new DefinitionsService(new DefinitionRepository(db.dataSource)).ensureSeeded();
    await seedDemoData(db.dataSource);
    config = testConfig({
      DATABASE_URL: db.url,
      TEMPORAL_TASK_QUEUE: uniqueTaskQueue('e2e-tracing'),
      TRACING: 'memory',
      LOG_LEVEL: 'log',
    });
    // Captured, not echoed: with LOG_LEVEL=log the API logs every route it maps.
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    // The worker first: Nest's static logger is the last app's, and the API's writes the request lines.
    const worker = await startWorker(config);
    api = await startApi(config);
    close = async () => {
      jest.restoreAllMocks();
      await api.close();
      await worker.close();
      await db.drop();
    };
  });
  afterAll(() => close?.());

  it('puts the HTTP request, the workflow start and run, and the activity in one trace, and the trace id in the log line', async () => {
    const res = await request(api.http)
      .post('/ping')
      .set('Authorization', await bearer(Role.Admin))
      .send({ message: 'Spur' });
    expect(res.status).toBe(200);
    const requestId = res.headers['x-request-id'];

    const server = finishedSpansInMemory().find(
      (s) => s.kind === SpanKind.SERVER && s.attributes['http.route'] === '/ping' && s.attributes['http.response.status_code'] === 200,
    );
    expect(server).toBeDefined();
    expect(server!.name).toBe('POST /ping');
    const traceId = server!.spanContext().traceId;
    const inTrace = () => finishedSpansInMemory().filter((s) => s.spanContext().traceId === traceId);
    // Workflow spans come through the worker's sink after the workflow task completes.
    await eventually(
      async () => inTrace().some((s) => s.name === 'RunActivity:pong') && inTrace().some((s) => s.name === 'RunWorkflow:ping'),
      10_000,
      'workflow and activity spans',
    );
    const byName = new Map(inTrace().map((s) => [s.name, s]));
    expect([...byName.keys()]).toEqual(
      expect.arrayContaining(['POST /ping', 'StartWorkflow:ping', 'RunWorkflow:ping', 'StartActivity:pong', 'RunActivity:pong']),
    );
    // A chain, not four traces that merely share an id: each span's parent is the one before it.
    const parentOf = (name: string) => byName.get(name)!.parentSpanId;
    expect(parentOf('StartWorkflow:ping')).toBe(server!.spanContext().spanId);
    expect(parentOf('RunWorkflow:ping')).toBe(byName.get('StartWorkflow:ping')!.spanContext().spanId);
    expect(parentOf('StartActivity:pong')).toBe(byName.get('RunWorkflow:ping')!.spanContext().spanId);
    expect(parentOf('RunActivity:pong')).toBe(byName.get('StartActivity:pong')!.spanContext().spanId);
    // No payload, no personal data in span attributes: the message sent is nowhere in the trace.
    expect(JSON.stringify(inTrace().map((s) => s.attributes))).not.toContain('Spur');

    const logged = lines
      .flatMap((l) => l.split('\n'))
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { message?: { msg?: string; requestId?: string }; traceId?: string })
      .find((l) => l.message?.msg === 'request' && l.message.requestId === requestId);
    expect(logged).toBeDefined();
    expect(logged!.traceId).toBe(traceId);

    // The traced run replays against the same bundle: its interceptors are decided by its own history.
    const connection = await Connection.connect({ address: config.temporal.address });
    try {
      const history = await new Client({ connection }).workflow.getHandle(res.body.workflowId).fetchHistory();
      await Worker.runReplayHistory(
        {
          workflowBundle: { codePath: config.temporal.workflowBundlePath! },
          dataConverter: createDataConverter(config.payloadKeys),
          sinks: { exporter: { export: { fn: () => undefined } } },
        },
        history,
      );
    } finally {
      await connection.close();
    }
  });

  it('continues the trace of a caller that sends a W3C traceparent header', async () => {
    const callerTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
    const res = await request(api.http)
      .post('/ping')
      .set('Authorization', await bearer(Role.Admin))
      .set('traceparent', `00-${callerTrace}-00f067aa0ba902b7-01`)
      .send({ message: 'weiter' });
    expect(res.status).toBe(200);
    const server = finishedSpansInMemory().find((s) => s.kind === SpanKind.SERVER && s.spanContext().traceId === callerTrace);
    expect(server?.parentSpanId).toBe('00f067aa0ba902b7');
  });
});
