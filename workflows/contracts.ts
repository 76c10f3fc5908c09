/**
 * The one place where task queues, workflow types, signals, updates and queries are named.
 * Imported by workflow code (bundled) and by the API; keep it free of I/O.
 */
export const WorkflowType = {
  Ping: 'ping',
} as const;

export interface PingInput {
  message: string;
}

export interface PingOutput {
  reply: string;
}
