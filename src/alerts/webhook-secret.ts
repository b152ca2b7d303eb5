// A webhook's signing secret, kept sealed at rest with the installation's key (platform/secret-box.ts, as VK
// tokens are): shown once when the webhook is made, opened only to sign a delivery, never listed.
import { openStored, requireBox, type SecretBox } from '../platform/secret-box.ts';

/** Bound into the sealed value: a secret sealed for another purpose does not open as this one. */
const PURPOSE = 'webhook-secret';
const WHAT = 'webhook secrets';

export function sealWebhookSecret(box: SecretBox | null, secret: string): string {
  return requireBox(box, WHAT).seal(secret, PURPOSE);
}

export function openWebhookSecret(box: SecretBox | null, stored: string): string {
  return openStored(box, stored, PURPOSE, WHAT);
}
