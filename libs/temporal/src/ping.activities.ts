import { Injectable } from '@nestjs/common';
import { AppConfig } from '@sro/config';
import { Activities } from './activities';

/** The activity of the `ping` workflow: proves client → server → worker → DI and back. */
@Injectable()
@Activities()
export class PingActivities {
  constructor(private readonly config: AppConfig) {}

  async pong(message: string): Promise<string> {
    return `pong from ${this.config.temporal.taskQueue}: ${message}`;
  }
}
