import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AuditCheckpoint, CheckpointFile, signCheckpoint } from './audit-checkpoints';
import { AuditRepository } from './audit.repository';
import { AuditSettings } from './audit.settings';

// Shutdown must not wait long for a database that is gone.
const SHUTDOWN_WRITE_TIMEOUT_MS = 3_000;

/** Writes a signed checkpoint of the chain's end at an interval (daily by default) and at shutdown. */
@Injectable()
export class AuditCheckpointer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AuditCheckpoint');
  private readonly file: CheckpointFile;
  private timer?: NodeJS.Timeout;
  private lastWritten?: string;

  constructor(
    private readonly repo: AuditRepository,
    private readonly settings: AuditSettings,
  ) {
    this.file = new CheckpointFile(settings.checkpointDir);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(
      () => void this.write().catch((error) => this.logger.error(`checkpoint failed: ${(error as Error).message}`)),
      this.settings.checkpointIntervalMs,
    );
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_WRITE_TIMEOUT_MS).unref());
    await Promise.race([this.write(), timeout]).catch((error) =>
      this.logger.warn(`no checkpoint at shutdown: ${(error as Error).message}`),
    );
  }

  /** Appends a checkpoint of the chain's current end; none for an empty chain or an unchanged end. */
  async write(): Promise<AuditCheckpoint | undefined> {
    const last = await this.repo.lastLink();
    if (!last || last.hash === this.lastWritten) return undefined;
    const checkpoint = signCheckpoint(this.settings.checkpointKey, {
      database: await this.repo.databaseName(),
      id: last.id,
      hash: last.hash,
      at: new Date().toISOString(),
    });
    this.file.append(checkpoint);
    this.lastWritten = last.hash;
    return checkpoint;
  }
}
