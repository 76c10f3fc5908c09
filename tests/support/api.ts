import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@sro/config';
import { createApiApp } from '../../apps/api/src/app.factory';
import { testConfig } from './config';

export interface TestApi {
  app: NestExpressApplication;
  http: ReturnType<NestExpressApplication['getHttpServer']>;
  close(): Promise<void>;
}

/** The real API application, in process, on the test stack. */
export async function startApi(config: AppConfig = testConfig()): Promise<TestApi> {
  const app = await createApiApp(config);
  await app.init();
  return { app, http: app.getHttpServer(), close: () => app.close() };
}
