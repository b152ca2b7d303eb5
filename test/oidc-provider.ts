// A minimal OpenID Connect provider on loopback for tests: discovery, JWKS, an authorize endpoint that signs in
// whoever the test says, and a token endpoint that checks the client, the code and PKCE and issues an RS256 ID
// token with the request's nonce.
import crypto from 'node:crypto';
import formbody from '@fastify/formbody';
import Fastify from 'fastify';

export type Identity = { sub: string; preferred_username?: string; email?: string; email_verified?: boolean };

export async function startTestProvider(client: { id: string; secret: string }) {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, { identity: Identity; nonce: string; challenge: string; redirect: string }>();
  const state = { next: { sub: 'nobody' } as Identity, issuer: '' };
  const app = Fastify();
  await app.register(formbody);
  app.get('/.well-known/openid-configuration', async () => ({
    issuer: state.issuer,
    authorization_endpoint: `${state.issuer}/authorize`,
    token_endpoint: `${state.issuer}/token`,
    jwks_uri: `${state.issuer}/jwks`,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
  }));
  app.get('/jwks', async () => ({ keys: [jwk] }));
  app.get('/authorize', async (request, reply) => {
    const q = request.query as Record<string, string>;
    const code = crypto.randomBytes(16).toString('hex');
    codes.set(code, {
      identity: state.next,
      nonce: q.nonce ?? '',
      challenge: q.code_challenge ?? '',
      redirect: q.redirect_uri ?? '',
    });
    return reply.redirect(`${q.redirect_uri}?code=${code}&state=${encodeURIComponent(q.state ?? '')}`, 302);
  });
  app.post('/token', async (request, reply) => {
    const body = request.body as Record<string, string>;
    const basic = Buffer.from(
      (request.headers.authorization ?? '').replace(/^Basic /, ''),
      'base64',
    ).toString();
    const [id, secret] = basic
      ? basic.split(':').map(decodeURIComponent)
      : [body.client_id, body.client_secret];
    if (id !== client.id || secret !== client.secret)
      return reply.code(401).send({ error: 'invalid_client' });
    const grant = codes.get(body.code ?? '');
    codes.delete(body.code ?? '');
    const verifier = crypto
      .createHash('sha256')
      .update(body.code_verifier ?? '')
      .digest('base64url');
    if (!grant || grant.challenge !== verifier || grant.redirect !== body.redirect_uri)
      return reply.code(400).send({ error: 'invalid_grant' });
    const now = Math.floor(Date.now() / 1000);
    const header = Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'k1', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({
        iss: state.issuer,
        aud: client.id,
        iat: now,
        exp: now + 300,
        nonce: grant.nonce,
        ...grant.identity,
      }),
    ).toString('base64url');
    const signature = crypto
      .sign('sha256', Buffer.from(`${header}.${payload}`), privateKey)
      .toString('base64url');
    return {
      access_token: crypto.randomBytes(16).toString('hex'),
      token_type: 'Bearer',
      expires_in: 300,
      id_token: `${header}.${payload}.${signature}`,
    };
  });
  state.issuer = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    issuer: state.issuer,
    signInAs(identity: Identity) {
      state.next = identity;
    },
    close: () => app.close(),
  };
}
