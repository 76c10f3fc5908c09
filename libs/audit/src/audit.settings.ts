import { auditKeys } from './canonical';

const DAY_MS = 24 * 3600 * 1000;

/** The audit chain's keys and where its checkpoints go (from AUDIT_CHAIN_KEY and AUDIT_CHECKPOINT_DIR). */
export class AuditSettings {
  readonly chainKey: Buffer;
  readonly checkpointKey: Buffer;

  constructor(
    secret: Buffer,
    readonly checkpointDir: string,
    readonly checkpointIntervalMs: number = DAY_MS,
  ) {
    const keys = auditKeys(secret);
    this.chainKey = keys.chain;
    this.checkpointKey = keys.checkpoint;
  }
}
