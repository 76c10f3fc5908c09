import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { loadConfig } from '@sro/config';

const root = join(__dirname, '..', '..');

describe('docker-compose.yml', () => {
  const compose = load(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as {
    services: Record<string, { environment?: Record<string, string>; depends_on?: unknown; image?: string; build?: unknown }>;
  };

  it('defines the whole system', () => {
    expect(Object.keys(compose.services)).toEqual(
      expect.arrayContaining(['postgres', 'redis', 'temporal', 'temporal-ui', 'api', 'worker', 'mail']),
    );
  });

  it.each(['api', 'worker'])('gives %s every variable the config schema requires, in a form it accepts', (service) => {
    const env = compose.services[service].environment ?? {};
    // Compose substitutes ${VAR:-default} and ${VAR:?error}; secrets come from the operator's .env.
    const dotEnv: Record<string, string> = {
      POSTGRES_PASSWORD: 'pw',
      PAYLOAD_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
      FIELD_KEYS: `f1:${Buffer.alloc(32, 2).toString('base64')}`,
      AUDIT_CHAIN_KEY: Buffer.alloc(32, 3).toString('base64'),
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
