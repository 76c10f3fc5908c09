import { Client, Connection } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { createDataConverter } from '@sro/temporal';
import { PingInput, PingOutput, WorkflowType } from '@sro/workflows/contracts';
import { testConfig, uniqueTaskQueue } from '../support/config';
import { startWorker } from '../support/worker';

type RawPayload = { metadata: Record<string, unknown>; data: unknown };

const bytes = (value: unknown): Buffer => (typeof value === 'string' ? Buffer.from(value, 'base64') : Buffer.from(value as Uint8Array));

/** Every payload anywhere in a history, as the server stores it. */
function collectPayloads(node: unknown, found: RawPayload[] = []): RawPayload[] {
  if (Array.isArray(node)) node.forEach((child) => collectPayloads(child, found));
  else if (node && typeof node === 'object' && !(node instanceof Uint8Array)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'payloads' && Array.isArray(value)) found.push(...(value as RawPayload[]));
      else collectPayloads(value, found);
    }
  }
  return found;
}

describe('ping workflow through the Temporal dev server', () => {
  const config = testConfig({ TEMPORAL_TASK_QUEUE: uniqueTaskQueue('ping') });
  let worker: Awaited<ReturnType<typeof startWorker>>;
  let connection: Connection;

  beforeAll(async () => {
    worker = await startWorker(config);
    connection = await Connection.connect({ address: config.temporal.address });
  });
  afterAll(async () => {
    await worker?.close();
    await connection?.close();
  });

  it('runs the activity from the DI container and leaves no plaintext of its input in the history', async () => {
    const secret = `Sozialdaten-${randomUUID()}`;
    const encrypted = new Client({
      connection,
      namespace: config.temporal.namespace,
      dataConverter: createDataConverter(config.payloadKeys),
    });
    const workflowId = `ping-${randomUUID()}`;
    const result = await encrypted.workflow.execute<(i: PingInput) => Promise<PingOutput>>(WorkflowType.Ping, {
      taskQueue: config.temporal.taskQueue,
      workflowId,
      args: [{ message: secret }],
    });
    expect(result.reply).toBe(`pong from ${config.temporal.taskQueue}: ${secret}`);

    // Read the history as the Temporal UI or an operator without the key would.
    const plain = new Client({ connection, namespace: config.temporal.namespace });
    const history = await plain.workflow.getHandle(workflowId).fetchHistory();
    const payloads = collectPayloads(history);
    expect(payloads.length).toBeGreaterThanOrEqual(4); // input, activity input and result, workflow result
    for (const payload of payloads) {
      expect(bytes(payload.metadata.encoding).toString()).toBe('binary/encrypted');
      expect(bytes(payload.data).toString('latin1')).not.toContain(secret);
    }
    expect(JSON.stringify(history)).not.toContain(secret);

    // Without the codec the result cannot be read either.
    await expect(plain.workflow.getHandle(workflowId).result()).rejects.toThrow();
  });
});
