import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@sro/config';
import { ApiModule } from '../../apps/api/src/api.module';
import { openApiDocument } from '../../apps/api/src/openapi';
import { ephemeralSecrets } from '../devstack/secrets';

/** Where the web app's generated API types live (checked in; `npm run api:generate` rewrites them). */
export const GENERATED_TYPES = join(__dirname, '..', '..', '..', 'apps', 'web', 'src', 'api', 'schema.gen.ts');

const HEADER = `// Generated from the API's OpenAPI document by \`npm run api:generate\` (openapi-typescript). Do not edit.
// The build regenerates it; CI (CI=1) fails instead when it is stale.
/* eslint-disable */
`;

/**
 * The OpenAPI document without any running service: Nest's preview mode registers the modules and
 * their routes but instantiates no provider, so nothing connects to PostgreSQL, Redis or Temporal.
 */
export async function generateApiTypes(): Promise<string> {
  const config = loadConfig({
    ...ephemeralSecrets(),
    SRO_ENV: 'development',
    AUTH_MODE: 'dev',
    DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
    REDIS_URL: 'redis://127.0.0.1:1',
    TEMPORAL_ADDRESS: '127.0.0.1:1',
    SMTP_URL: 'smtp://127.0.0.1:1',
  });
  const app = await NestFactory.create(ApiModule.forRoot(config), { preview: true, logger: false });
  const document = openApiDocument(app);
  await app.close();
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  return HEADER + astToString(await openapiTS(document as never, { enumValues: true }));
}

function current(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * `node dist/scripts/cli/openapi.js [--check] [--out file]`: writes the types when they changed, or with
 * --check exits 1 when the file is stale (CI must not pass on types the API no longer matches).
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : GENERATED_TYPES;
  const generated = await generateApiTypes();
  if (generated === current(out)) return;
  if (args.includes('--check')) {
    process.stderr.write(`[sro] ${out} is stale: the API changed. Run \`npm run api:generate\` and commit the result.\n`);
    process.exit(1);
  }
  writeFileSync(out, generated);
  process.stderr.write(`[sro] wrote ${out}\n`);
}

if (require.main === module) void main();
