import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { loadConfig } from '@sro/config';
import { ALL_ROLES } from '@sro/common';

const root = join(__dirname, '..', '..');

describe('docker-compose.yml', () => {
  const compose = load(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as {
    services: Record<
      string,
      { environment?: Record<string, string>; depends_on?: unknown; image?: string; build?: unknown; ports?: string[]; profiles?: string[] }
    >;
  };

  it('defines the whole system', () => {
    expect(Object.keys(compose.services)).toEqual(
      expect.arrayContaining(['postgres', 'redis', 'temporal', 'temporal-ui', 'api', 'worker', 'mail', 'keycloak']),
    );
  });

  it('publishes only the API and Keycloak, on 127.0.0.1 by default; Temporal not at all; the mail sink only in the dev profile', () => {
    const published = Object.entries(compose.services)
      .filter(([, s]) => (s.ports ?? []).length > 0 && !(s.profiles ?? []).includes('dev'))
      .map(([name]) => name)
      .sort();
    expect(published).toEqual(['api', 'keycloak']);
    expect(compose.services.api.ports).toEqual(['${API_BIND:-127.0.0.1}:3000:3000']);
    expect(compose.services.keycloak.ports).toEqual(['${KEYCLOAK_BIND:-127.0.0.1}:8443:8443']);
    expect(compose.services.temporal.ports).toBeUndefined();
    expect(compose.services['temporal-ui'].ports).toBeUndefined();
    expect(compose.services.mail.profiles).toEqual(['dev']);
    for (const service of Object.values(compose.services)) {
      for (const port of service.ports ?? []) expect(port).toMatch(/^(\$\{\w+:-127\.0\.0\.1\}|127\.0\.0\.1):/);
    }
  });

  it('defaults to production with OIDC against Keycloak, whose realm export holds every role, the PKCE client and the audience', () => {
    const env = compose.services.api.environment ?? {};
    expect(env.SRO_ENV).toBe('${SRO_ENV:-production}');
    expect(env.AUTH_MODE).toBe('oidc');
    expect(env.AUTH_DEV_SECRET).toBeUndefined();
    expect(env.OIDC_ISSUER_URL).toMatch(/https:\/\/keycloak:8443\/realms\/sro/);
    const realm = JSON.parse(readFileSync(join(root, 'deploy', 'keycloak', 'sro-realm.json'), 'utf8'));
    expect(realm.roles.realm.map((r: { name: string }) => r.name).sort()).toEqual([...ALL_ROLES].sort());
    const [client] = realm.clients;
    expect(client).toMatchObject({ clientId: 'sro-web', publicClient: true, attributes: { 'pkce.code.challenge.method': 'S256' } });
    expect(client.protocolMappers[0].config['included.custom.audience']).toBe('sro-api');
    expect(realm.users.map((u: { realmRoles: string[] }) => u.realmRoles[0]).sort()).toEqual([...ALL_ROLES].sort());
  });

  it.each(['api', 'worker'])('gives %s every variable the config schema requires, in a form it accepts', (service) => {
    const env = compose.services[service].environment ?? {};
    // Compose substitutes ${VAR:-default} and ${VAR:?error}; secrets come from the operator's .env.
    const dotEnv: Record<string, string> = {
      POSTGRES_PASSWORD: 'pw',
      PAYLOAD_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
      FIELD_KEYS: `f1:${Buffer.alloc(32, 2).toString('base64')}`,
      AUDIT_CHAIN_KEY: Buffer.alloc(32, 3).toString('base64'),
      SEARCH_INDEX_KEY: Buffer.alloc(32, 4).toString('base64'),
      AUTH_DEV_SECRET: 'x'.repeat(40),
    };
    const resolved = Object.fromEntries(
      Object.entries(env).map(([k, v]) => [
        k,
        String(v).replace(
          /\$\{(\w+)(?::([-?])([^}]*))?\}/g,
          (_m, name: string, kind?: string, fallback?: string) => dotEnv[name] ?? (kind === '-' ? (fallback ?? '') : ''),
        ),
      ]),
    );
    expect(() => loadConfig(resolved)).not.toThrow();
  });
});

describe('npm run -s token', () => {
  it('prints a token and nothing else', () => {
    const out = spawnSync(process.execPath, [join(root, 'dist', 'scripts', 'cli', 'token.js'), 'coordinator'], {
      encoding: 'utf8',
      env: process.env,
    });
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
  });

  it('refuses an unknown role', () => {
    const out = spawnSync(process.execPath, [join(root, 'dist', 'scripts', 'cli', 'token.js'), 'superuser'], {
      encoding: 'utf8',
      env: process.env,
    });
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
  });
});

describe('the web app’s generated API types (npm run api:generate)', () => {
  const cli = join(root, 'dist', 'scripts', 'cli', 'openapi.js');
  const generated = join(root, 'apps', 'web', 'src', 'api', 'schema.gen.ts');

  it('are current: the checked-in file is what the OpenAPI document of this build generates', () => {
    const out = spawnSync(process.execPath, [cli, '--check'], { encoding: 'utf8', env: process.env });
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
  });

  it('fail the check when they are stale, naming the command that fixes them', () => {
    const stale = join(mkdtempSync(join(tmpdir(), 'sro-types-')), 'schema.gen.ts');
    // A type the API no longer has: as if an operation had been removed after the last generation.
    writeFileSync(stale, readFileSync(generated, 'utf8').replace('"/cases/{id}": {', '"/cases/{id}/removed": {'));
    const out = spawnSync(process.execPath, [cli, '--check', '--out', stale], { encoding: 'utf8', env: process.env });
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('npm run api:generate');
    expect(readFileSync(stale, 'utf8')).toContain('"/cases/{id}/removed": {');
  });
});
