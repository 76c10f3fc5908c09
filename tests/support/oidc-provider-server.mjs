// panva's certified oidc-provider as a child process of a test (the library is ESM only, Jest runs
// CommonJS). Environment: OIDC_TEST_JWK (private signing JWK, JSON), OIDC_TEST_CLAIMS (JSON:
// account id → extra access-token claims), OIDC_TEST_AUDIENCE. Prints `issuer=<url>` once listening.
import Provider from 'oidc-provider';

const jwk = JSON.parse(process.env.OIDC_TEST_JWK);
const claims = JSON.parse(process.env.OIDC_TEST_CLAIMS ?? '{}');
const audience = process.env.OIDC_TEST_AUDIENCE ?? 'urn:sro-engine:api';
export const REDIRECT_URI = 'http://127.0.0.1/callback';

const server = (await import('node:http')).createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'sro-test',
      client_secret: 'sro-test-secret',
      redirect_uris: [REDIRECT_URI],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    },
  ],
  jwks: { keys: [jwk] },
  pkce: { required: () => false },
  features: {
    devInteractions: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => audience,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({
        scope: 'openid',
        audience,
        accessTokenFormat: 'jwt',
        accessTokenTTL: 600,
        jwt: { sign: { alg: 'RS256' } },
      }),
    },
  },
  findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id }) }),
  extraTokenClaims: (_ctx, token) => claims[token.accountId] ?? {},
});
server.on('request', provider.callback());
process.stdout.write(`issuer=${issuer}\n`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
