import { ConfigError, loadConfig } from '@sro/config';
import { productionEnv } from '../support/config';

const production = productionEnv();

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('production token settings', () => {
  it('requires an audience in production', () => {
    const { OIDC_AUDIENCE: _, ...withoutAudience } = production;
    expect(problemsOf(withoutAudience)).toEqual(['OIDC_AUDIENCE is required when SRO_ENV=production']);
    expect(problemsOf({ ...withoutAudience, SRO_ENV: 'test' })).toEqual([]);
  });

  it('requires https for the issuer and the JWKS in production', () => {
    expect(
      problemsOf({
        ...production,
        OIDC_ISSUER_URL: 'http://keycloak.example/realms/jugendamt',
        OIDC_JWKS_URL: 'http://keycloak.example/certs',
      }),
    ).toEqual([
      'OIDC_ISSUER_URL must be an https:// URL when SRO_ENV=production',
      'OIDC_JWKS_URL must be an https:// URL when SRO_ENV=production',
    ]);
    expect(problemsOf({ ...production, SRO_ENV: 'development', OIDC_ISSUER_URL: 'http://127.0.0.1:8080/realms/jugendamt' })).toEqual([]);
  });
});

describe('heap snapshots', () => {
  it('are refused in production (a snapshot holds decrypted personal data) and allowed elsewhere', () => {
    expect(problemsOf({ ...production, HEAP_SNAPSHOT_DIR: '/tmp' })).toEqual([
      'HEAP_SNAPSHOT_DIR is for the soak, not for SRO_ENV=production (heap snapshots hold personal data)',
    ]);
    expect(problemsOf({ ...production, SRO_ENV: 'test', HEAP_SNAPSHOT_DIR: '/tmp' })).toEqual([]);
  });
});
