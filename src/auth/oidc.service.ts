// Optional sign-in through a region's OpenID Connect provider (authorization code flow with PKCE, state and
// nonce, via openid-client). Accounts are still made by admins, who give the scope: the provider's identity is
// matched to an account by its subject, or — the first time — by the account's login equal to the identity's
// preferred_username or its e-mail (only when the provider says the e-mail is verified: an unverified address
// is whatever the person typed), and then bound to that subject.
import type * as OpenId from 'openid-client';

/** Loaded on first sign-in: most deployments use passwords only. */
const openid = () => import('openid-client');

import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { Sessions, SignedIn } from './sessions.service.ts';
import { findUserByLogin, findUserBySubject, updateUser } from './user.repo.ts';

export type OidcSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  redirectUrl: string;
  /** Plain-HTTP providers, for tests on loopback only. */
  allowHttp?: boolean;
};

/** What the browser carries between the redirect and the callback, in a short-lived HTTP-only cookie. */
type Pending = { state: string; nonce: string; verifier: string };

export function createOidc(db: Db, sessions: Sessions, settings: OidcSettings) {
  let configuration: Promise<OpenId.Configuration> | undefined;
  const discovered = () => {
    configuration ??= openid()
      .then((client) =>
        client.discovery(
          new URL(settings.issuer),
          settings.clientId,
          settings.clientSecret,
          undefined,
          settings.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
        ),
      )
      .catch((error: unknown) => {
        configuration = undefined;
        throw new AppError(
          'DB_UNAVAILABLE',
          `the identity provider does not answer: ${(error as Error).message}`,
        );
      });
    return configuration;
  };

  async function start(): Promise<{ redirectTo: string; pending: string }> {
    const config = await discovered();
    const client = await openid();
    const pending: Pending = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: settings.redirectUrl,
      scope: 'openid profile email',
      code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { redirectTo: url.href, pending: Buffer.from(JSON.stringify(pending)).toString('base64url') };
  }

  /** `search` is the callback's query string; the URL is the registered one, whatever host the proxy shows. */
  async function finish(
    search: string,
    pendingCookie: string | undefined,
    request: { ip: string; userAgent: string | null; previousCookie?: string },
  ): Promise<SignedIn> {
    const pending = parsePending(pendingCookie);
    const callbackUrl = new URL(settings.redirectUrl);
    callbackUrl.search = search;
    const config = await discovered();
    const client = await openid();
    let claims: OpenId.IDToken | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (error) {
      throw new AppError(
        'UNAUTHENTICATED',
        `the identity provider's answer was refused: ${(error as Error).message}`,
      );
    }
    if (!claims?.sub) throw new AppError('UNAUTHENTICATED', 'the identity provider named nobody');
    const subject = `${settings.issuer}#${claims.sub}`;
    let user = await findUserBySubject(db, subject);
    if (!user) {
      const names = [
        claims.preferred_username,
        claims.email_verified === true ? claims.email : undefined,
      ].filter((n): n is string => typeof n === 'string');
      for (const name of names) {
        const candidate = await findUserByLogin(db, name.toLowerCase());
        if (candidate && candidate.oidc_subject === null) {
          await updateUser(db, candidate.id, { oidc_subject: subject });
          user = { ...candidate, oidc_subject: subject };
          break;
        }
      }
    }
    if (!user || user.disabled)
      throw new AppError(
        'UNAUTHENTICATED',
        'no active Publica account for this identity; ask your administrator',
      );
    return sessions.openSession(user, request, 'oidc');
  }

  return { start, finish };
}

function parsePending(cookie: string | undefined): Pending {
  try {
    const value = JSON.parse(Buffer.from(cookie ?? '', 'base64url').toString('utf8')) as Partial<Pending>;
    if (
      typeof value.state === 'string' &&
      typeof value.nonce === 'string' &&
      typeof value.verifier === 'string'
    )
      return value as Pending;
  } catch {
    // fall through: a missing or damaged cookie is a sign-in that did not start here
  }
  throw new AppError('UNAUTHENTICATED', 'the sign-in did not start here or took too long; start again');
}
