// The VK API methods the simulator serves, each a function of the parameters, the caller's token and the world.
import type { WorldCommunity } from '../world/world.types.ts';
import { messageMethods } from './messages.ts';
import type { SimWorld } from './sim-world.ts';
import type { TokenSpec } from './tokens.ts';
import { vkErrors } from './vk-error.ts';
import { addressObject, commentObject, groupObject, postObject } from './vk-objects.ts';

export type Params = Record<string, string>;
export type Method = (p: Params, token: TokenSpec, world: SimWorld) => unknown;

const MAX_GROUP_IDS = 500;

function int(p: Params, name: string, fallback?: number): number {
  const raw = p[name];
  if (raw === undefined || raw === '') {
    if (fallback === undefined) throw vkErrors.param(`${name} is undefined`);
    return fallback;
  }
  const n = Number(raw);
  if (!Number.isInteger(n)) throw vkErrors.param(`${name} not integer`);
  return n;
}

function communityByRef(world: SimWorld, ref: string): WorldCommunity | undefined {
  const numeric = /^(?:club|public|event)?(\d+)$/.exec(ref);
  if (numeric) return world.byId.get(Number(numeric[1]));
  return world.byScreenName.get(ref.toLowerCase());
}

/** The community a posting method acts for (group_id), with a token that may post there. */
function postingGroup(p: Params, token: TokenSpec, world: SimWorld): number {
  const groupId = int(p, 'group_id');
  const c = world.byId.get(groupId);
  if (!c || c.deactivated) throw vkErrors.accessDenied('the community is unavailable');
  if (token.kind === 'service') throw vkErrors.appAuth();
  if (token.kind === 'community' && token.groupId !== groupId)
    throw vkErrors.accessDenied('the token belongs to another community');
  return groupId;
}

/** The community whose wall is asked for (owner_id is negative for communities; or `domain`). */
function wallOwner(p: Params, world: SimWorld): WorldCommunity {
  const community = p.owner_id
    ? world.byId.get(-int(p, 'owner_id'))
    : p.domain
      ? communityByRef(world, p.domain)
      : undefined;
  if (!p.owner_id && !p.domain) throw vkErrors.param('owner_id is undefined');
  if (!community) throw vkErrors.accessDenied('this wall is unavailable');
  if (community.deactivated) throw vkErrors.deleted();
  if (community.is_closed === 1) throw vkErrors.accessDenied();
  if (community.is_closed === 2) throw vkErrors.privateProfile();
  return community;
}

function page<T>(items: T[], p: Params, max = 100): T[] {
  const offset = int(p, 'offset', 0);
  const count = Math.min(int(p, 'count', 20), max);
  if (offset < 0 || count < 0) throw vkErrors.param('offset or count is negative');
  return items.slice(offset, offset + count);
}

const extendedGroups = (c: WorldCommunity) => [groupObject(c, new Set())];

export const methods: Record<string, Method> = {
  ...messageMethods,
  'groups.getById'(p, _t, world) {
    const ids = (p.group_ids ?? p.group_id ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (ids.length === 0) throw vkErrors.param('group_ids is undefined');
    if (ids.length > MAX_GROUP_IDS) throw vkErrors.param(`group_ids is too long (max ${MAX_GROUP_IDS})`);
    const fields = new Set((p.fields ?? '').split(',').map((f) => f.trim()));
    const groups = ids.flatMap((ref) => {
      const c = communityByRef(world, ref);
      return c ? [groupObject(c, fields)] : [];
    });
    if (groups.length === 0) throw vkErrors.invalidGroup();
    return { groups, profiles: [] };
  },

  'groups.getAddresses'(p, _t, world) {
    const c = world.byId.get(int(p, 'group_id'));
    if (!c) throw vkErrors.invalidGroup();
    if (c.deactivated) throw vkErrors.accessDenied('the community is unavailable');
    const address = addressObject(c);
    return { count: address ? 1 : 0, items: address ? [address] : [] };
  },

  'utils.resolveScreenName'(p, _t, world) {
    const name = p.screen_name;
    if (!name) throw vkErrors.param('screen_name is undefined');
    const c = communityByRef(world, name.replace(/^@/, ''));
    return c ? { type: c.type === 'page' ? 'page' : 'group', object_id: c.id } : [];
  },

  'wall.get'(p, _t, world) {
    const c = wallOwner(p, world);
    const posts = [...world.wall(c.id).posts].sort(
      (a, b) => Number(b.is_pinned) - Number(a.is_pinned) || b.date - a.date,
    );
    const items = page(posts, p).map((post) => postObject(post, c.id, c.wall === 1 || c.wall === 2));
    return p.extended === '1'
      ? { count: posts.length, items, profiles: [], groups: extendedGroups(c) }
      : { count: posts.length, items };
  },

  'wall.getById'(p, _t, world) {
    const refs = (p.posts ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (refs.length === 0) throw vkErrors.param('posts is undefined');
    const items = refs.flatMap((ref) => {
      const m = /^(-?\d+)_(\d+)$/.exec(ref);
      const c = m ? world.byId.get(-Number(m[1])) : undefined;
      if (!m || !c || c.deactivated || c.is_closed) return [];
      const post = world.wall(c.id).posts.find((x) => x.id === Number(m[2]));
      return post ? [postObject(post, c.id, c.wall === 1 || c.wall === 2)] : [];
    });
    return p.extended === '1' ? { items, profiles: [], groups: [] } : { items };
  },

  'wall.getComments'(p, _t, world) {
    const c = wallOwner(p, world);
    const postId = int(p, 'post_id');
    const wall = world.wall(c.id);
    const post = wall.posts.find((x) => x.id === postId);
    if (!post) throw vkErrors.param('post_id is invalid');
    const ofPost = wall.comments.filter((x) => x.post_id === postId);
    const threadOf = (id: number) => ofPost.filter((x) => x.thread_root === id);
    const level = p.comment_id
      ? threadOf(int(p, 'comment_id'))
      : ofPost.filter((x) => x.thread_root === null);
    const sorted = p.sort === 'desc' ? [...level].reverse() : level;
    const threadItems = Math.min(int(p, 'thread_items_count', 0), 10);
    const items = page(sorted, p).map((x) => {
      const replies = p.comment_id ? [] : threadOf(x.id);
      return {
        ...commentObject(x, c.id),
        ...(p.comment_id
          ? {}
          : {
              thread: {
                count: replies.length,
                items: replies.slice(0, threadItems).map((r) => commentObject(r, c.id)),
                can_post: true,
                show_reply_button: true,
                groups_can_post: true,
              },
            }),
      };
    });
    return {
      count: level.length,
      items,
      current_level_count: level.length,
      can_post: !post.comments_closed,
      show_reply_button: true,
      groups_can_post: true,
    };
  },

  'wall.post'(p, token, world) {
    const groupId = -int(p, 'owner_id');
    const c = world.byId.get(groupId);
    if (!c || c.deactivated) throw vkErrors.accessDenied('the community is unavailable');
    if (token.kind === 'community' && token.groupId !== groupId)
      throw vkErrors.accessDenied('the token belongs to another community');
    if (token.kind === 'service') throw vkErrors.appAuth();
    const now = Math.floor(world.now() / 1000);
    if (p.guid) {
      const earlier = world.postByGuid(groupId, p.guid, now);
      if (earlier !== undefined) return { post_id: earlier };
    }
    const publishDate = p.publish_date ? int(p, 'publish_date') : undefined;
    if (publishDate !== undefined && publishDate <= now) throw vkErrors.param('publish_date is in the past');
    const attachments: Record<string, number> = {};
    for (const a of (p.attachments ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const [, type, key] = /^(photo|video|clip|poll|doc|link)(-?\d+_\d+)?/.exec(a) ?? [];
      if (!type) throw vkErrors.param(`attachments: ${a}`);
      if (type === 'poll' && !world.polls.has(key ?? ''))
        throw vkErrors.param(`attachments: unknown poll ${a}`);
      let kind = type;
      const media = key ? world.media.get(key) : undefined;
      if (type === 'photo' || type === 'video' || type === 'clip') {
        // Made through an upload flow here: it must have its file (a live broadcast needs none).
        if (media && !media.uploaded && media.kind !== 'live')
          throw vkErrors.param(`attachments: ${a} has no uploaded file`);
        if (media) kind = media.kind;
      }
      attachments[kind] = (attachments[kind] ?? 0) + 1;
    }
    if (!p.message && Object.keys(attachments).length === 0) throw vkErrors.param('message is empty');
    world.admitPost(groupId, now, vkErrors.postLimit);
    const date = publishDate ?? now;
    const postId = world.addPost(groupId, {
      date,
      text: p.message ?? '',
      attachments,
      likes: 0,
      reposts: 0,
      views: 0,
      comments: 0,
      is_pinned: false,
      marked_as_ads: p.mark_as_ads === '1',
      copy_of: null,
      comments_closed: p.close_comments === '1',
    });
    if (p.guid) world.rememberGuid(groupId, p.guid, postId, now);
    return { post_id: postId };
  },

  'photos.getWallUploadServer'(p, token, world) {
    const groupId = postingGroup(p, token, world);
    const { ticket } = world.addMedia('photo', -groupId);
    return {
      upload_url: `${world.uploadBase}/upload/${ticket}`,
      album_id: -14,
      user_id: 0,
      group_id: groupId,
    };
  },

  'photos.saveWallPhoto'(p, token, world) {
    postingGroup(p, token, world);
    const media = world.uploads.get(p.hash ?? '');
    if (!media?.uploaded) throw vkErrors.param('photo is undefined or the upload did not finish');
    return [
      {
        id: media.id,
        owner_id: media.ownerId,
        album_id: -14,
        date: Math.floor(Date.now() / 1000),
        has_tags: false,
      },
    ];
  },

  'video.save'(p, token, world) {
    const groupId = postingGroup(p, token, world);
    const { media, ticket } = world.addMedia('video', -groupId);
    return {
      upload_url: `${world.uploadBase}/upload/${ticket}`,
      video_id: media.id,
      owner_id: media.ownerId,
      title: p.name ?? '',
      description: p.description ?? '',
      access_key: ticket.slice(-8),
    };
  },

  /** Short videos (VK clips) have their own upload: an address for the file, then the clip to attach. */
  'shortVideo.create'(p, token, world) {
    const groupId = postingGroup(p, token, world);
    if (!p.file_size) throw vkErrors.param('file_size is undefined');
    const { media, ticket } = world.addMedia('clip', -groupId);
    return {
      upload_url: `${world.uploadBase}/upload/${ticket}`,
      video_id: media.id,
      owner_id: media.ownerId,
    };
  },

  'video.startStreaming'(p, token, world) {
    const groupId = postingGroup(p, token, world);
    const { media } = world.addMedia('live', -groupId);
    return {
      video_id: media.id,
      owner_id: media.ownerId,
      name: p.name ?? '',
      description: p.description ?? '',
      access_key: `sim${media.id}`,
      stream: { url: 'rtmp://stream.vkuserlive.com:443/live', key: `sim-${media.id}` },
    };
  },

  'wall.createComment'(p, token, world) {
    const c = wallOwner(p, world);
    if (token.kind === 'service') throw vkErrors.appAuth();
    const postId = int(p, 'post_id');
    const wall = world.wall(c.id);
    const post = wall.posts.find((x) => x.id === postId);
    if (!post) throw vkErrors.param('post_id is invalid');
    if (post.comments_closed) throw vkErrors.accessDenied('comments are closed');
    if (!p.message) throw vkErrors.param('message is undefined');
    const replyTo = p.reply_to_comment ? int(p, 'reply_to_comment') : null;
    const parent =
      replyTo === null ? undefined : wall.comments.find((x) => x.id === replyTo && x.post_id === postId);
    if (replyTo !== null && !parent) throw vkErrors.param('reply_to_comment is invalid');
    // VK documents from_group as the community's id; 1 is what older clients send: both act for the community.
    const fromGroup = token.kind === 'community' || Number(p.from_group ?? 0) > 0;
    const commentId = world.addComment(c.id, {
      post_id: postId,
      from_id: fromGroup ? -c.id : 1,
      date: Math.floor(Date.now() / 1000),
      text: p.message,
      reply_to_comment: replyTo,
      thread_root: parent ? (parent.thread_root ?? parent.id) : null,
      deleted: false,
    });
    return { comment_id: commentId, parents_stack: parent ? [parent.thread_root ?? parent.id] : [] };
  },

  'polls.create'(p, token, world) {
    if (token.kind === 'service') throw vkErrors.appAuth();
    const question = p.question;
    if (!question) throw vkErrors.param('question is undefined');
    let answers: unknown;
    try {
      answers = JSON.parse(p.add_answers ?? '[]');
    } catch {
      throw vkErrors.param('add_answers is not a JSON array');
    }
    if (!Array.isArray(answers) || answers.length < 1 || answers.length > 10)
      throw vkErrors.param('add_answers needs 1 to 10 answers');
    const ownerId = int(p, 'owner_id', 0);
    const poll = world.addPoll({
      ownerId,
      question,
      answers: answers.map(String),
      multiple: p.is_multiple === '1',
      endDate: int(p, 'end_date', 0),
    });
    return {
      id: poll.id,
      owner_id: ownerId,
      question,
      votes: 0,
      answers: poll.answers.map((text, i) => ({ id: i + 1, text, votes: 0, rate: 0 })),
      multiple: poll.multiple,
      end_date: poll.endDate,
      closed: false,
      is_board: false,
      can_edit: true,
      can_vote: true,
      can_report: false,
      can_share: true,
      created: Math.floor(Date.now() / 1000),
      anonymous: false,
    };
  },
};
