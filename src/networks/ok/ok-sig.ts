// OK's request signature, as apiok.ru/dev/methods gives it: in a session the secret is
// md5(access_token + application_secret_key) in lower case; the parameters without sig, access_token and
// session_key are sorted by key, joined as key=value with nothing between, and sig = md5(that + secret).
import crypto from 'node:crypto';

const md5 = (s: string) => crypto.createHash('md5').update(s, 'utf8').digest('hex').toLowerCase();

const UNSIGNED = new Set(['sig', 'access_token', 'session_key']);

export function okSessionSecret(accessToken: string, applicationSecretKey: string): string {
  return md5(accessToken + applicationSecretKey);
}

export function okSignature(
  params: Record<string, string>,
  accessToken: string,
  applicationSecretKey: string,
): string {
  const joined = Object.keys(params)
    .filter((k) => !UNSIGNED.has(k))
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('');
  return md5(joined + okSessionSecret(accessToken, applicationSecretKey));
}
