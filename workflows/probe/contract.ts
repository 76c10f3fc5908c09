/** The contract of probe, an end-to-end self-check (ids only); test-only, see ../testing.ts. */

export interface ProbeInput {
  /** A UUID; the reminder key and the history entry are derived from it. */
  probeId: string;
  /** The user who receives the reminder. */
  recipientId: string;
  reminderInMs: number;
  waitMs: number;
}

export interface ProbeOutput {
  probeId: string;
  completedAt: string;
}
