import { ConfigError, loadConfig } from '@sro/config';
import { productionEnv } from '../support/config';

const valid = productionEnv();

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('accepts a complete production environment and types its values', () => {
    const config = loadConfig({ ...valid, API_PORT: '8080' });
    expect(config.env).toBe('production');
    expect(config.api.port).toBe(8080);
    expect(config.payloadKeys.activeKeyId).toBe('k1');
    expect(config.payloadKeys.keys.get('k1')).toHaveLength(32);
  });

  it('validates APP_BASE_URL: the web app’s http(s) origin, required and https in production; a trailing slash is dropped', () => {
    expect(loadConfig({ ...valid, APP_BASE_URL: 'https://sro.example.org/' }).appBaseUrl).toBe('https://sro.example.org');
    const { APP_BASE_URL: _base, ...withoutBase } = valid;
    expect(problemsOf(withoutBase)).toEqual(['APP_BASE_URL is required when SRO_ENV=production']);
    expect(problemsOf({ ...valid, APP_BASE_URL: 'http://sro.example.org' })).toEqual([
      'APP_BASE_URL must be an https:// URL when SRO_ENV=production',
    ]);
    expect(problemsOf({ ...valid, SRO_ENV: 'development', APP_BASE_URL: 'ftp://sro.example.org' })).toEqual([
      expect.stringContaining('APP_BASE_URL must be the http(s) address'),
    ]);
    expect(problemsOf({ ...valid, APP_BASE_URL: 'https://sro.example.org/app?x=1' })).toEqual([
      expect.stringContaining('APP_BASE_URL must be the web app’s origin without a path'),
    ]);
    expect(problemsOf({ ...withoutBase, SRO_ENV: 'development' })).toEqual([]);
  });

  it('names every missing required variable at once', () => {
    const problems = problemsOf({});
    expect(problems).toEqual(
      expect.arrayContaining([
        'DATABASE_URL is required',
        'REDIS_URL is required',
        'TEMPORAL_ADDRESS is required',
        'PAYLOAD_KEYS is required',
        'FIELD_KEYS is required',
      ]),
    );
  });

  it('names a malformed variable', () => {
    expect(problemsOf({ ...valid, REDIS_URL: 'http://nope' })).toEqual(['REDIS_URL must be a redis:// URL']);
    expect(problemsOf({ ...valid, API_PORT: 'eighty' }).join()).toMatch(/API_PORT/);
    expect(problemsOf({ ...valid, PAYLOAD_KEYS: 'k1:tooshort' }).join()).toMatch(/PAYLOAD_KEYS/);
  });

  it('has no default for the dev signing secret and refuses dev auth in production', () => {
    expect(problemsOf({ ...valid, SRO_ENV: 'development', AUTH_MODE: 'dev' }).join()).toMatch(/AUTH_DEV_SECRET/);
    expect(problemsOf({ ...valid, AUTH_MODE: 'dev', AUTH_DEV_SECRET: 'x'.repeat(40) }).join()).toMatch(
      /not allowed when SRO_ENV=production/,
    );
  });

  it('requires SMTP_URL for SMTP and MAIL_DIR for file mail', () => {
    const { SMTP_URL: _, ...withoutSmtp } = valid;
    expect(problemsOf(withoutSmtp).join()).toMatch(/SMTP_URL/);
    expect(problemsOf({ ...withoutSmtp, MAIL_TRANSPORT: 'file' }).join()).toMatch(/MAIL_DIR/);
    expect(problemsOf({ ...withoutSmtp, MAIL_TRANSPORT: 'file', MAIL_DIR: '/tmp/mail' })).toEqual([]);
  });

  it('requires an OIDC issuer in oidc mode', () => {
    const { OIDC_ISSUER_URL: _, ...withoutIssuer } = valid;
    expect(problemsOf(withoutIssuer).join()).toMatch(/OIDC_ISSUER_URL/);
  });

  it('reads just-in-time provisioning (off by default) and the group mapping, and stops on a malformed mapping', () => {
    expect(loadConfig(valid).auth.jit).toEqual({ enabled: false, groupsClaim: 'groups', groupMapping: {} });
    const config = loadConfig({
      ...valid,
      OIDC_JIT_PROVISIONING: 'true',
      OIDC_GROUPS_CLAIM: 'resource_access.sro.groups',
      OIDC_GROUP_MAPPING:
        '{"asd-teltow": {"socialSpaces": ["SR01"], "team": "ASD-Team Planregion 1"}, "region-2": {"planningRegions": ["PR2"]}}',
    });
    expect(config.auth.jit).toEqual({
      enabled: true,
      groupsClaim: 'resource_access.sro.groups',
      groupMapping: {
        'asd-teltow': { socialSpaces: ['SR01'], planningRegions: [], team: 'ASD-Team Planregion 1' },
        'region-2': { socialSpaces: [], planningRegions: ['PR2'], team: undefined },
      },
    });
    for (const bad of ['not json', '[]', '{"g": {"roles": ["admin"]}}', '{"g": {"socialSpaces": "SR01"}}'])
      expect(() => loadConfig({ ...valid, OIDC_GROUP_MAPPING: bad })).toThrow(/OIDC_GROUP_MAPPING/);
    expect(problemsOf({ ...valid, OIDC_JIT_PROVISIONING: 'yes' })).toEqual([expect.stringMatching(/OIDC_JIT_PROVISIONING/)]);
  });

  it('keeps tracing off by default, exports to OTLP when an endpoint is set, and refuses the test exporter in production', () => {
    expect(loadConfig(valid).tracing).toEqual({ exporter: 'off', otlpEndpoint: undefined, serviceName: 'sro-engine' });
    expect(loadConfig({ ...valid, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).tracing).toMatchObject({
      exporter: 'otlp',
      otlpEndpoint: 'http://collector:4318',
    });
    expect(loadConfig({ ...valid, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', TRACING: 'off' }).tracing.exporter).toBe('off');
    expect(problemsOf({ ...valid, TRACING: 'otlp' })).toEqual(['TRACING=otlp needs OTEL_EXPORTER_OTLP_ENDPOINT']);
    expect(problemsOf({ ...valid, TRACING: 'memory' })).toEqual(['TRACING=memory is for tests, not for SRO_ENV=production']);
    expect(problemsOf({ ...valid, OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toEqual([
      expect.stringMatching(/OTEL_EXPORTER_OTLP_ENDPOINT/),
    ]);
  });
});
