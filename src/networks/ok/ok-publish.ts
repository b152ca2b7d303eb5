// Publishes one topic to an OK group: photos first (photosV2.getUploadUrl, the file to the address given, its
// token kept), then mediatopic.post with type GROUP_THEME and the attachment's media: text, photos, a poll.
import type { OkClient } from './ok-client.ts';
import { OK } from './ok-methods.ts';

export type OkDraft = {
  text: string;
  photos?: { name: string; bytes: Uint8Array }[];
  poll?: { question: string; answers: string[]; multiple?: boolean };
};

export async function publishOkTopic(client: OkClient, gid: string, draft: OkDraft): Promise<string> {
  const media: Record<string, unknown>[] = [];
  if (draft.text.trim()) media.push({ type: 'text', text: draft.text });
  if (draft.photos?.length) {
    const up = (await client.call(OK.photosGetUploadUrl, { gid, count: draft.photos.length })) as {
      upload_url: string;
      photo_ids: string[];
    };
    if (up.photo_ids.length < draft.photos.length)
      throw new Error(
        `photosV2.getUploadUrl gave ${up.photo_ids.length} ids for ${draft.photos.length} photos`,
      );
    const ids = up.photo_ids.slice(0, draft.photos.length);
    const list = (await client.uploadPhotos(up.upload_url, ids, draft.photos)).map((id) => ({ id }));
    media.push({ type: 'photo', list });
  }
  if (draft.poll)
    media.push({
      type: 'poll',
      question: draft.poll.question,
      answers: draft.poll.answers.map((text) => ({ text })),
      options: draft.poll.multiple ? 'MultipleChoice' : 'SingleChoice',
    });
  const id = await client.call(OK.mediatopicPost, {
    gid,
    type: 'GROUP_THEME',
    attachment: JSON.stringify({ media }),
  });
  return String(id);
}
