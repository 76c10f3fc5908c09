import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import request from 'supertest';
import { Role } from '@sro/common';
import { DEFINITION_KEYS, SEED_SPECS } from '@sro/definitions';
import { DEMO_GREMIEN_IDS, seedDemoGremien } from '@sro/gremien';
import { isolatedSystem } from '../support/isolated';
import { bearer } from '../support/tokens';

/** Generated inputs per endpoint; `npm run test:fuzz` raises it to thousands. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
/** Only the operations whose path matches (e.g. `FUZZ_ONLY='^/(committees|meetings|meeting-tasks|provider-networks)'`) when a change is checked alone. */
const ONLY = process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : undefined;
const ROLES = [Role.Coordinator, Role.Caseworker, Role.Admin, Role.Approver, Role.Adviser];
/** Operations that would start real work at scale when a generated body happens to be valid. */
const EXCLUDED = new Set([
  'post /interview-cycles/schedule/backfill',
  'post /interview-cycles/schedule/trigger',
  'post /retention/schedule/trigger',
]);

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  items?: Schema;
  required?: string[];
  allOf?: Schema[];
};

interface Operation {
  method: 'post' | 'put' | 'patch';
  path: string;
  schema: Schema;
}

/**
 * Property-based fuzzing of every request body the API documents: bodies shaped like the schema
 * with wrong types, missing and unknown fields, and arbitrary JSON. Whatever comes in, the answer
 * is never a 5xx; every rejection is application/problem+json, and every 400 names its fields by
 * JSON pointer.
 */
describe('fuzzing every request body (fast-check)', () => {
  let system: Awaited<ReturnType<typeof isolatedSystem>>;
  const operations: Operation[] = [];
  let components: Record<string, Schema> = {};
  const tokens = new Map<Role, string>();

  beforeAll(async () => {
    system = await isolatedSystem('fuzz');
    // Interview cycles a valid body might start stay empty and end at once.
    await system.db.query(`UPDATE contract_partner SET exit_date = current_date`);
    // Committees, a meeting and a Trägerverbund that exist, so that valid bodies reach their rules.
    await seedDemoGremien(system.db);
    for (const role of ROLES) tokens.set(role, await bearer(role));
    const doc = (await request(system.http).get('/docs-json')).body;
    components = doc.components?.schemas ?? {};
    for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const method of ['post', 'put', 'patch'] as const) {
        const schema = item[method]?.requestBody?.content?.['application/json']?.schema;
        if (schema && !EXCLUDED.has(`${method} ${path}`) && (!ONLY || ONLY.test(path))) operations.push({ method, path, schema });
      }
    }
  });
  afterAll(async () => {
    await request(system.http).delete('/interview-cycles/schedule').set('Authorization', tokens.get(Role.Coordinator)!);
    await system?.close();
  });

  const resolve = (schema: Schema): Schema =>
    schema.$ref ? resolve(components[schema.$ref.split('/').pop()!]) : schema.allOf ? resolve(schema.allOf[0]) : schema;

  /** Values of the declared type, or of a wrong one, or missing; unknown fields now and then. */
  const shaped = (schema: Schema, depth = 0): fc.Arbitrary<unknown> => {
    const s = resolve(schema);
    const wrong = fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.boolean(), fc.constant([]), fc.constant({}), fc.double());
    let right: fc.Arbitrary<unknown>;
    if (s.enum) right = fc.constantFrom(...s.enum);
    else if (s.type === 'object' || s.properties) {
      if (depth > 3) return fc.constant({});
      const props = Object.entries(s.properties ?? {});
      right = fc
        .tuple(
          fc.record(Object.fromEntries(props.map(([k, v]) => [k, shaped(v, depth + 1)])), { requiredKeys: [] }),
          fc.option(fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 })),
        )
        .map(([known, extra]) => ({ ...(extra ?? {}), ...known }));
    } else if (s.type === 'array') right = fc.array(shaped(s.items ?? {}, depth + 1), { maxLength: 4 });
    else if (s.type === 'string' && s.format === 'date-time')
      right = fc.oneof(
        fc
          .date({ min: new Date('1990-01-01'), max: new Date('2100-01-01') })
          .map((d) => (Number.isNaN(d.getTime()) ? '2026-13-45' : d.toISOString())),
        fc.string(),
      );
    else if (s.type === 'string' && s.format === 'uuid') right = fc.oneof(fc.uuid(), fc.string());
    else if (s.type === 'string')
      right = fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.constantFrom('', ' ', '2026-02-30', 'Ä'.repeat(3000), '../../etc/passwd', "'; DROP TABLE case_file; --"),
      );
    else if (s.type === 'integer' || s.type === 'number')
      right = fc.oneof(fc.integer({ min: -5, max: 5000 }), fc.double(), fc.constant(Number.MAX_SAFE_INTEGER));
    else if (s.type === 'boolean') right = fc.boolean();
    else right = fc.jsonValue({ maxDepth: 2 });
    return fc.oneof({ weight: 4, arbitrary: right }, { weight: 1, arbitrary: wrong });
  };

  /** The first id of a Gremien path names a demo committee, meeting or network (others are random). */
  const EXISTING: Array<[RegExp, string]> = [
    [/^\/committees\/\{id\}/, DEMO_GREMIEN_IDS.committee],
    [/^\/meetings\/\{id\}/, DEMO_GREMIEN_IDS.meetingAwaitingMinutes],
    [/^\/provider-networks\/\{id\}/, DEMO_GREMIEN_IDS.providerNetwork],
  ];
  const concrete = (template: string) => {
    const known = EXISTING.find(([pattern]) => pattern.test(template));
    const path = known ? template.replace('{id}', known[1]) : template;
    return path.replace(/\{(\w+)\}/g, (_, name: string) =>
      name === 'key'
        ? path.startsWith('/indicators/')
          ? 'sgb2-kinder' // a demo indicator, so the value route gets past its lookup
          : DEFINITION_KEYS[0]
        : name === 'version'
          ? '1'
          : name === 'phase'
            ? 'identify'
            : name === 'deliverable'
              ? 'boundaries'
              : name === 'year'
                ? '2026'
                : randomUUID(),
    );
  };

  const send = (op: Operation, path: string, token: string, body: unknown) =>
    request(system.http)[op.method](path).set('Authorization', token).set('Content-Type', 'application/json').send(JSON.stringify(body));

  /** The first role the route lets through (validation runs after the guard). */
  const roleFor = async (op: Operation, path: string) => {
    for (const role of ROLES) {
      const res = await send(op, path, tokens.get(role)!, {});
      if (res.status !== 403 && res.status !== 401) return tokens.get(role)!;
    }
    return tokens.get(Role.Admin)!;
  };

  it('documents the request bodies it fuzzes', () => {
    expect(operations.length).toBeGreaterThan(ONLY ? 0 : 40);
  });

  it(
    'answers every generated body without a 5xx; every rejection is problem+json, a 400 names its fields',
    async () => {
      const failures: string[] = [];
      let requests = 0;
      for (const op of operations) {
        const path = concrete(op.path);
        const token = await roleFor(op, path);
        await fc
          .assert(
            fc.asyncProperty(
              fc.oneof({ weight: 5, arbitrary: shaped(op.schema) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) }),
              async (body) => {
                requests += 1;
                const res = await send(op, path, token, body);
                const problem = res.status >= 400 && /application\/problem\+json/.test(res.headers['content-type'] ?? '');
                const named =
                  res.status !== 400 ||
                  (Array.isArray(res.body.errors) &&
                    res.body.errors.length > 0 &&
                    res.body.errors.every((e: { pointer?: unknown }) => typeof e.pointer === 'string' && e.pointer.startsWith('/')));
                if (res.status >= 500 || (res.status >= 400 && !problem) || !named) {
                  failures.push(
                    `${op.method.toUpperCase()} ${op.path} ${res.status} ${JSON.stringify(body).slice(0, 200)} → ${JSON.stringify(res.body).slice(0, 300)}`,
                  );
                  return false;
                }
                return true;
              },
            ),
            { numRuns: RUNS, endOnFailure: true },
          )
          .catch(() => undefined);
      }
      expect(failures).toEqual([]);
      expect(requests).toBeGreaterThanOrEqual(operations.length);
    },
    60 * 60_000,
  );

  // The definitions are not part of a check restricted by FUZZ_ONLY.
  (ONLY ? it.skip : it)(
    'answers every mutated definition spec (a draft edit) with 200 or a 400 naming the field, never a 5xx',
    async () => {
      const admin = tokens.get(Role.Admin)!;
      const failures: string[] = [];
      for (const key of DEFINITION_KEYS) {
        // The body fuzzing may have opened a draft already; one open draft per key.
        await request(system.http).post(`/definitions/${key}/drafts`).set('Authorization', admin).send({ fromVersion: 1 });
        const versions = (await request(system.http).get(`/definitions/${key}/versions`).set('Authorization', admin)).body.items as Array<{
          version: number;
          status: string;
        }>;
        const draft = { body: versions.find((v) => v.status === 'draft')! };
        expect(draft.body).toBeDefined();
        const pointers = paths(SEED_SPECS[key]);
        await fc
          .assert(
            fc.asyncProperty(
              fc.array(fc.tuple(fc.constantFrom(...pointers), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined))), {
                minLength: 1,
                maxLength: 3,
              }),
              async (mutations) => {
                const spec = structuredClone(SEED_SPECS[key]) as unknown as Record<string, unknown>;
                for (const [pointer, value] of mutations) setAt(spec, pointer, value);
                const res = await request(system.http)
                  .put(`/definitions/${key}/versions/${draft.body.version}`)
                  .set('Authorization', admin)
                  .send({ spec });
                const ok =
                  res.status === 200 ||
                  (res.status === 400 &&
                    /problem\+json/.test(res.headers['content-type']) &&
                    res.body.errors?.length > 0 &&
                    res.body.errors.every((e: { pointer: string }) => e.pointer.startsWith('/')));
                if (!ok)
                  failures.push(
                    `${key} ${res.status} ${JSON.stringify(mutations).slice(0, 200)} → ${JSON.stringify(res.body).slice(0, 300)}`,
                  );
                return ok;
              },
            ),
            { numRuns: RUNS, endOnFailure: true },
          )
          .catch(() => undefined);
      }
      expect(failures).toEqual([]);
    },
    60 * 60_000,
  );
});

/** Every JSON pointer inside a value (objects and arrays), the root excluded. */
function paths(value: unknown, at = ''): string[] {
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [`${at}/${k}`, ...paths(v, `${at}/${k}`)]);
}

function setAt(root: Record<string, unknown>, pointer: string, value: unknown): void {
  const parts = pointer.split('/').slice(1);
  let node: any = root;
  for (const part of parts.slice(0, -1)) {
    if (!node || typeof node !== 'object') return;
    node = node[part];
  }
  if (!node || typeof node !== 'object') return;
  const last = parts[parts.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
}
