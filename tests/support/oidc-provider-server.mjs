// panva's certified oidc-provider as a child process of a test (the library is ESM only, Jest runs
// CommonJS). Environment: OIDC_TEST_JWKS (private signing JWKs, JSON array; the first signs),
// OIDC_TEST_CLAIMS (JSON: account id → extra access-token claims), OIDC_TEST_AUDIENCE,
// OIDC_TEST_PORT (0: any), OIDC_TEST_WEB_REDIRECT (the web app's redirect URI, optional),
// OIDC_TEST_ACCESS_TTL (seconds). Prints `issuer=<url>` once listening.
import Provider from 'oidc-provider';

const keys = JSON.parse(process.env.OIDC_TEST_JWKS);
const claims = JSON.parse(process.env.OIDC_TEST_CLAIMS ?? '{}');
const audience = process.env.OIDC_TEST_AUDIENCE ?? 'urn:sro-engine:api';
const webRedirect = process.env.OIDC_TEST_WEB_REDIRECT;
const accessTokenTTL = Number(process.env.OIDC_TEST_ACCESS_TTL ?? 600);
export const REDIRECT_URI = 'http://127.0.0.1/callback';

const server = (await import('node:http')).createServer();
await new Promise((resolve) => server.listen(Number(process.env.OIDC_TEST_PORT ?? 0), '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const clients = [
  {
    client_id: 'sro-test',
    client_secret: 'sro-test-secret',
    redirect_uris: [REDIRECT_URI],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  },
];
// The web app: a public client (no secret), authorization code with PKCE, refresh tokens.
if (webRedirect)
  clients.push({
    client_id: 'sro-web',
    application_type: 'web',
    redirect_uris: [webRedirect],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'none',
  });

const provider = new Provider(issuer, {
  clients,
  jwks: { keys },
  // `profile` is what the web app asks for (OIDC_SCOPE's default).
  claims: { openid: ['sub'], profile: ['name'] },
  // Public clients must use PKCE (the provider's default); the confidential test client need not.
  pkce: { required: (_ctx, client) => client.clientAuthMethod === 'none' },
  // The web app may call the token endpoint from the origin of its redirect URI.
  clientBasedCORS: (_ctx, origin, client) => client.redirectUris.some((uri) => new URL(uri).origin === origin),
  issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
  features: {
    devInteractions: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => audience,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({
        scope: 'openid profile',
        audience,
        accessTokenFormat: 'jwt',
        accessTokenTTL,
        jwt: { sign: { alg: 'RS256' } },
      }),
    },
  },
  findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id }) }),
  extraTokenClaims: (_ctx, token) => claims[token.accountId] ?? {},
});
// Counted for the tests: which grants the token endpoint served.
const grants = {};
provider.on('grant.success', (ctx) => {
  const type = ctx.oidc.params.grant_type;
  grants[type] = (grants[type] ?? 0) + 1;
});
server.on('request', (req, res) => {
  if (req.url === '/test/grants') {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(JSON.stringify(grants));
  }
  return provider.callback()(req, res);
});
process.stdout.write(`issuer=${issuer}\n`);
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
