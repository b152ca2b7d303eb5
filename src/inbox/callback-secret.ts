// The Callback API secret a community shares with Publica, kept sealed at rest with the installation's key
// (platform/secret-box.ts, as VK tokens are) and never returned by the API: sealed when a page admin sets it,
// opened only to compare with an incoming event's secret.
import type { Db } from '../platform/db.ts';
import { openStored, requireBox, type SecretBox } from '../platform/secret-box.ts';
import { callbackSettings, saveCallbackSettings } from './vk-events.repo.ts';

/** Bound into the sealed value: a secret sealed for another purpose does not open as this one. */
const PURPOSE = 'vk-callback-secret';
const WHAT = 'Callback API secrets';

export async function setCallbackSettings(
  db: Db,
  box: SecretBox | null,
  row: { groupId: number; confirmation: string; secret: string; at: number },
): Promise<void> {
  const sealedSecret = requireBox(box, WHAT).seal(row.secret, PURPOSE);
  await saveCallbackSettings(db, {
    groupId: row.groupId,
    confirmation: row.confirmation,
    sealedSecret,
    at: row.at,
  });
}

/** A community's confirmation string and its secret in the clear, or undefined when none is set. */
export async function openCallbackSettings(
  db: Db,
  box: SecretBox | null,
  groupId: number,
): Promise<{ confirmation: string; secret: string } | undefined> {
  const row = await callbackSettings(db, groupId);
  return row && { confirmation: row.confirmation, secret: openStored(box, row.secret, PURPOSE, WHAT) };
}
