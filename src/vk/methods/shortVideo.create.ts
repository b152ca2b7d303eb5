// shortVideo.create: a clip (VK's short video) and the address its file goes to. Not in VK's 5.199 schema.
import { defineMethod } from './method.ts';
import { type MadeVideo, parseMadeVideo } from './video.save.ts';

export const shortVideoCreate = defineMethod<
  { group_id: number; file_size: number; description?: string },
  MadeVideo
>({
  name: 'shortVideo.create',
  params: {
    group_id: { required: true, doc: 'the community' },
    file_size: { required: true, doc: 'bytes of the file' },
    description: { doc: 'up to 500 characters' },
  },
  tokenKinds: ['user'],
  schemaKinds: null,
  tokenKindsFrom: 'reports',
  note: "absent from VK's schema; dev.vk.com's page and public SDKs call it with a user token (video scope)",
  rate: 'upload',
  readOnly: false,
  schemaResponse: null,
  parse: (r) => parseMadeVideo('shortVideo.create', r),
});
