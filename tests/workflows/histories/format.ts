import { temporal } from '@temporalio/proto';

type History = temporal.api.history.v1.IHistory;

/** A stored history: protobuf bytes in base64 (the SDK's protojson path is version-sensitive). */
export interface StoredHistory {
  workflowType: string;
  recordedWith: string;
  events: number;
  protobufBase64: string;
}

export function encodeHistory(workflowType: string, history: History): string {
  const bytes = temporal.api.history.v1.History.encode(history).finish();
  const stored: StoredHistory = {
    workflowType,
    recordedWith: '@temporalio/worker 1.24.0',
    events: history.events?.length ?? 0,
    protobufBase64: Buffer.from(bytes).toString('base64'),
  };
  return `${JSON.stringify(stored, null, 2)}\n`; // as Prettier (CI checks it) leaves it
}

export function decodeHistory(json: string): { workflowType: string; history: temporal.api.history.v1.History } {
  const stored = JSON.parse(json) as StoredHistory;
  return {
    workflowType: stored.workflowType,
    history: temporal.api.history.v1.History.decode(Buffer.from(stored.protobufBase64, 'base64')),
  };
}
