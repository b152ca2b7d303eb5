// video.startStreaming: a live broadcast in the community, with its RTMP address and key.
import { defineMethod, expectObject } from './method.ts';

export const videoStartStreaming = defineMethod<
  { group_id: number; name?: string; description?: string; wallpost?: number },
  { video_id: number; owner_id: number; stream?: { url: string; key: string } }
>({
  name: 'video.startStreaming',
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
  schemaResponse: ['video', 'video_startStreaming_response'],
  parse: (r) => {
    const o = expectObject('video.startStreaming', r, 'video_id', 'owner_id');
    const stream = o.stream as { url?: string; key?: string } | undefined;
    return {
      video_id: Number(o.video_id),
      owner_id: Number(o.owner_id),
      ...(stream?.url && stream.key ? { stream: { url: stream.url, key: stream.key } } : {}),
    };
  },
});
