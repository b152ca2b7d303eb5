// video.save: a video in the community, and the address its file goes to.
import { defineMethod, expectObject } from './method.ts';

export type MadeVideo = { upload_url: string; video_id: number; owner_id: number };

export function parseMadeVideo(method: string, r: unknown): MadeVideo {
  const o = expectObject(method, r, 'upload_url', 'video_id', 'owner_id');
  return { upload_url: String(o.upload_url), video_id: Number(o.video_id), owner_id: Number(o.owner_id) };
}

export const videoSave = defineMethod<
  { group_id: number; name?: string; description?: string; wallpost?: number },
  MadeVideo
>({
  name: 'video.save',
  params: {
    group_id: { required: true, doc: 'the community' },
    name: { doc: 'title' },
    description: { doc: 'description' },
    wallpost: { doc: '0: do not post it by itself' },
  },
  tokenKinds: ['user'],
  schemaKinds: ['user'],
  tokenKindsFrom: 'schema',
  rate: 'upload',
  readOnly: false,
  schemaResponse: ['video', 'video_save_response'],
  parse: (r) => parseMadeVideo('video.save', r),
});
