// Parsers of VK API responses into snapshot rows. They accept every shape real responses come in: legacy and
// 5.199 groups.getById, a UTF-8 BOM, ids as floats, old (photo_130…) and new (sizes[]) photos, clips as
// video.type "short_video" or attachment type "clip", reposts in copy_history, deleted comments.
// A response that does not fit names the item and the field.
import { z } from 'zod';
import { AppError } from '../platform/errors.ts';

const id = z.union([z.number(), z.string().regex(/^-?\d+(\.0+)?$/)]).transform((v) => Math.trunc(Number(v)));
const num = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)]).transform(Number);
const flag = z.union([z.number(), z.boolean()]).transform((v) => v === true || v === 1);
const counter = z.object({ count: num.optional() }).loose().optional();

const attachmentSchema = z.object({ type: z.string() }).loose();
export type VkAttachment = z.infer<typeof attachmentSchema>;

const postSchema = z
  .object({
    id,
    owner_id: id.optional(),
    from_id: id.optional(),
    post_type: z.string().optional(),
    date: num,
    edited: num.optional(),
    text: z.string().default(''),
    attachments: z.array(attachmentSchema).optional(),
    comments: z
      .object({ count: num.optional(), can_post: num.optional(), can_close: num.optional() })
      .loose()
      .optional(),
    likes: counter,
    reposts: counter,
    views: counter,
    is_pinned: flag.optional(),
    marked_as_ads: flag.optional(),
    copy_history: z.array(z.object({ id, owner_id: id }).loose()).optional(),
    is_deleted: z.boolean().optional(),
  })
  .loose();

const commentSchema: z.ZodType<VkComment> = z.lazy(() =>
  z
    .object({
      id,
      from_id: id.optional(),
      date: num,
      text: z.string().default(''),
      post_id: id.optional(),
      owner_id: id.optional(),
      deleted: z.boolean().optional(),
      reply_to_comment: id.optional(),
      parents_stack: z.array(id).optional(),
      thread: z
        .object({ count: num.optional(), items: z.array(commentSchema).optional() })
        .loose()
        .optional(),
    })
    .loose(),
);

export type VkComment = {
  id: number;
  from_id?: number;
  date: number;
  text: string;
  post_id?: number;
  owner_id?: number;
  deleted?: boolean;
  reply_to_comment?: number;
  parents_stack?: number[];
  thread?: { count?: number; items?: VkComment[] };
  /** Replies VK counted in the thread but did not send (set on a top-level comment by parseComments). */
  repliesMissing?: number;
};

const groupSchema = z
  .object({
    id,
    name: z.string().default(''),
    screen_name: z.string().optional(),
    is_closed: num.optional(),
    deactivated: z.string().optional(),
    type: z.string().optional(),
    photo_200: z.string().optional(),
    has_photo: flag.optional(),
    description: z.string().optional(),
    site: z.string().optional(),
    activity: z.string().optional(),
    members_count: num.optional(),
    // The state mark and other flags are read tolerantly by profile-facts.ts: any shape passes here.
    verified: z.unknown().optional(),
    is_government_organization: z.unknown().optional(),
    trust_mark: z.unknown().optional(),
    wall: num.optional(),
    phone: z.string().optional(),
    menu: z.unknown().optional(),
    cover: z.object({ enabled: z.unknown().optional() }).loose().optional(),
    contacts: z
      .array(z.object({ phone: z.string().optional(), email: z.string().optional() }).loose())
      .optional(),
    addresses: z.object({ is_enabled: z.unknown().optional() }).loose().optional(),
  })
  .loose();

export type VkPost = z.infer<typeof postSchema>;
export type VkGroup = z.infer<typeof groupSchema>;

export type AttachmentCounts = {
  photos: number;
  videos: number;
  clips: number;
  polls: number;
  lives: number;
  docs: number;
  links: number;
  podcasts: number;
  audios: number;
};

type LiveFields = {
  type?: string;
  live?: number | boolean;
  live_status?: string;
  upcoming?: number | boolean;
};

/**
 * A broadcast counts once it started or finished. VK's video object says `live_status` "upcoming" or "waiting"
 * (announced, not begun), "failed", or `upcoming: 1` for one only announced: none of those was held.
 */
function isHeldLive(video: LiveFields): boolean {
  if (video.upcoming === 1 || video.upcoming === true) return false;
  return video.live_status === undefined || ['started', 'finished'].includes(video.live_status);
}

/**
 * Whether a post on a community's wall is a visitor's, not the community's own: written by someone else
 * (`from_id` not the wall's owner) or a suggested post. `ownerId` is the wall's (negative for a community).
 */
export function isVisitorPost(p: VkPost, ownerId: number): boolean {
  if (p.post_type === 'suggest') return true;
  return p.from_id !== undefined && p.from_id !== ownerId;
}

/** Which of our attachment kinds an attachment is; undefined for kinds the audit does not count. */
export function attachmentKind(a: VkAttachment): keyof AttachmentCounts | undefined {
  switch (a.type) {
    case 'photo':
    case 'posted_photo':
      return 'photos';
    case 'clip':
      return 'clips';
    case 'video': {
      const video = (a.video ?? {}) as LiveFields;
      if (video.type === 'short_video') return 'clips';
      if (video.type === 'live' || video.live === 1 || video.live === true || video.live_status)
        return isHeldLive(video) ? 'lives' : undefined;
      return 'videos';
    }
    case 'poll':
      return 'polls';
    case 'doc':
      return 'docs';
    case 'link':
      return 'links';
    case 'podcast':
      return 'podcasts';
    case 'audio':
      return 'audios';
    default:
      return undefined;
  }
}

export function countAttachments(attachments: VkAttachment[] = []): AttachmentCounts {
  const counts: AttachmentCounts = {
    photos: 0,
    videos: 0,
    clips: 0,
    polls: 0,
    lives: 0,
    docs: 0,
    links: 0,
    podcasts: 0,
    audios: 0,
  };
  for (const a of attachments) {
    const kind = attachmentKind(a);
    if (kind) counts[kind]++;
  }
  return counts;
}

/** JSON text of a response, BOM or not; a bare error envelope becomes a clear error. */
export function parseResponseText(text: string, source: string): unknown {
  let body: unknown;
  try {
    body = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new AppError('INVALID_INPUT_FILE', `${source}: not JSON: ${(error as Error).message}`);
  }
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const e = (body as { error: { error_code?: number; error_msg?: string } }).error;
    throw new AppError(
      'INVALID_INPUT_FILE',
      `${source}: a VK error response (${e.error_code}: ${e.error_msg})`,
    );
  }
  return body && typeof body === 'object' && 'response' in body
    ? (body as { response: unknown }).response
    : body;
}

function parseItems<T>(items: unknown, schema: z.ZodType<T>, source: string, path: string): T[] {
  if (!Array.isArray(items)) throw new AppError('INVALID_INPUT_FILE', `${source}: ${path}: expected a list`);
  return items.map((item, i) => {
    const parsed = schema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError(
        'INVALID_INPUT_FILE',
        `${source}: ${path}[${i}].${issue?.path.join('.') || '(item)'}: ${issue?.message}`,
      );
    }
    return parsed.data;
  });
}

/** wall.get, wall.getById, fave.getPosts: `{count, items}`, `{items}` or a bare list. */
export function parsePosts(response: unknown, source: string): VkPost[] {
  const items = Array.isArray(response) ? response : (response as { items?: unknown })?.items;
  return parseItems(items, postSchema, source, 'items');
}

/** wall.getComments, with thread replies flattened after their parent. */
export function parseComments(response: unknown, source: string): VkComment[] {
  const items = Array.isArray(response) ? response : (response as { items?: unknown })?.items;
  const top = parseItems(items, commentSchema, source, 'items');
  const out: VkComment[] = [];
  for (const c of top) {
    const missing = (c.thread?.count ?? 0) - (c.thread?.items?.length ?? 0);
    out.push(missing > 0 ? { ...c, repliesMissing: missing } : c);
    for (const reply of c.thread?.items ?? [])
      out.push({ ...reply, parents_stack: reply.parents_stack?.length ? reply.parents_stack : [c.id] });
  }
  return out;
}

/** groups.getById: the legacy list or the 5.199 `{groups, profiles}`. */
export function parseGroups(response: unknown, source: string): VkGroup[] {
  const items = Array.isArray(response) ? response : (response as { groups?: unknown })?.groups;
  return parseItems(items, groupSchema, source, Array.isArray(response) ? 'response' : 'groups');
}

export const VK_DEFAULT_AVATAR = /camera_\d+\.png|deactivated_\d+\.png|community_\d+\.png/;
