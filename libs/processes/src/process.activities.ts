import { Injectable } from '@nestjs/common';
import { Activities } from '@sro/temporal';
import type { ProcessEventRecord, ProcessSnapshot } from '@sro/workflows/shared/process';
import { ProcessInstanceRepository } from './process-instance.repository';

/** The read-model writes as activities of the process workflows. */
@Injectable()
@Activities()
export class ProcessActivities {
  constructor(private readonly processes: ProcessInstanceRepository) {}

  recordProcessState(snapshot: ProcessSnapshot): Promise<void> {
    return this.processes.record(snapshot);
  }

  recordProcessEvent(event: ProcessEventRecord): Promise<void> {
    return this.processes.append(event);
  }
}
