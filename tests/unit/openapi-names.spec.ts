import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { loadConfig } from '@sro/config';
import { ApiModule } from '../../apps/api/src/api.module';

type Schema = {
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema | boolean;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
};

const key = () => randomBytes(32).toString('base64');

/**
 * The API's OpenAPI document, built as app.factory.ts builds it but in Nest's preview mode: the
 * modules and controllers are scanned, no provider is created, so no database, Redis or Temporal.
 */
async function openApiDocument(): Promise<OpenAPIObject> {
  const config = loadConfig({
    SRO_ENV: 'development',
    AUTH_MODE: 'dev',
    AUTH_DEV_SECRET: 'x'.repeat(40),
    DATABASE_URL: 'postgres://u:p@127.0.0.1:1/sro',
    REDIS_URL: 'redis://127.0.0.1:1',
    TEMPORAL_ADDRESS: '127.0.0.1:1',
    PAYLOAD_KEYS: `k1:${key()}`,
    FIELD_KEYS: `f1:${key()}`,
    AUDIT_CHAIN_KEY: key(),
    SEARCH_INDEX_KEY: key(),
    MAIL_TRANSPORT: 'file',
    MAIL_DIR: '/nonexistent',
  });
  const app = await NestFactory.create(ApiModule.forRoot(config), { preview: true, logger: false, abortOnError: false });
  try {
    return SwaggerModule.createDocument(app, new DocumentBuilder().build());
  } finally {
    await app.close();
  }
}

const SNAKE = /[a-z0-9]_[a-z0-9]/i;

/** `Schema.property` (dotted through inline objects) for every snake_case property reachable from `schema`. */
function snakeProperties(document: OpenAPIObject, schema: Schema | boolean | undefined, at: string, seen: Set<string>): string[] {
  if (!schema || typeof schema !== 'object') return [];
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop()!;
    if (seen.has(name)) return [];
    seen.add(name);
    return snakeProperties(document, document.components?.schemas?.[name] as Schema, name, seen);
  }
  const found: string[] = [];
  for (const [property, nested] of Object.entries(schema.properties ?? {})) {
    if (SNAKE.test(property)) found.push(`${at}.${property}`);
    found.push(...snakeProperties(document, nested, `${at}.${property}`, seen));
  }
  found.push(...snakeProperties(document, schema.items, `${at}[]`, seen));
  found.push(...snakeProperties(document, schema.additionalProperties, `${at}{}`, seen));
  for (const part of [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])])
    found.push(...snakeProperties(document, part, at, seen));
  return found;
}

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> };

/** Every documented answer: `GET /cases/{id}`, its status and its schema (undefined when the body is not documented). */
function responses(document: OpenAPIObject): { operation: string; status: string; schema?: Schema }[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations as Record<string, Operation>).flatMap(([method, operation]) =>
      Object.entries(operation.responses ?? {}).flatMap(([status, response]) => {
        const schemas = Object.values(response.content ?? {}).map((media) => media.schema);
        return (schemas.length ? schemas : [undefined]).map((schema) => ({ operation: `${method.toUpperCase()} ${path}`, status, schema }));
      }),
    ),
  );
}

describe('OpenAPI document', () => {
  let document: OpenAPIObject;

  beforeAll(async () => {
    document = await openApiDocument();
  }, 60_000);

  it('documents the API (the scan found its routes)', () => {
    expect(Object.keys(document.paths).length).toBeGreaterThan(50);
  });

  it('documents the body of every successful answer (the check below sees only documented schemas)', () => {
    const undocumented = responses(document)
      .filter(({ status, schema }) => status.startsWith('2') && status !== '204' && !schema)
      .map(({ operation, status }) => `${operation} ${status}`);
    expect(undocumented).toEqual([]);
  });

  it('has no snake_case property in any response schema (no database row reaches a client)', () => {
    const seen = new Set<string>();
    const offending = new Set<string>();
    for (const { operation, status, schema } of responses(document)) {
      for (const name of snakeProperties(document, schema, `${operation} ${status}`, seen)) offending.add(name);
    }
    expect([...offending].sort()).toEqual([]);
  });

  it('finds snake_case properties through references, arrays and inline objects (negative control)', () => {
    const sample = {
      components: {
        schemas: {
          ConsentDto: { properties: { givenBy: { type: 'string' }, revoked_at: { type: 'string' } } },
          CaseDto: {
            properties: {
              consents: { type: 'array', items: { $ref: '#/components/schemas/ConsentDto' } },
              meta: { properties: { created_by: {} } },
            },
          },
        },
      },
    } as unknown as OpenAPIObject;
    expect(snakeProperties(sample, { $ref: '#/components/schemas/CaseDto' }, '', new Set()).sort()).toEqual([
      'CaseDto.meta.created_by',
      'ConsentDto.revoked_at',
    ]);
  });
});
