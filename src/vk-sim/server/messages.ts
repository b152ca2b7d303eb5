// The simulator's messages.* and groups.getLongPollServer with VK's rules: a community token acts for its own
// community, an admin's user token names it with group_id; the community writes only to people who allowed
// it or wrote first (901 otherwise); texts past 4096 characters are refused (914); random_id sends once.
import type { Method, Params } from './methods.ts';
import type { SimWorld } from './sim-world.ts';
import type { TokenSpec } from './tokens.ts';
import { VkError, vkErrors } from './vk-error.ts';

const MAX_TEXT = 4096;

function intOf(p: Params, name: string, fallback?: number): number {
  const raw = p[name];
  if (raw === undefined || raw === '') {
    if (fallback === undefined) throw vkErrors.param(`${name} is undefined`);
    return fallback;
  }
  const n = Number(raw);
  if (!Number.isInteger(n)) throw vkErrors.param(`${name} not integer`);
  return n;
}

/** The community whose messages a token reads or sends. */
function messagingGroup(p: Params, token: TokenSpec, world: SimWorld): number {
  const groupId =
    token.kind === 'community' ? intOf(p, 'group_id', token.groupId ?? 0) : intOf(p, 'group_id');
  if (token.kind === 'community' && token.groupId !== groupId)
    throw vkErrors.accessDenied('the token belongs to another community');
  const c = world.byId.get(groupId);
  if (!c || c.deactivated) throw vkErrors.accessDenied('the community is unavailable');
  return groupId;
}

const peerType = (peerId: number) => (peerId > 2_000_000_000 ? 'chat' : peerId < 0 ? 'group' : 'user');

export const messageMethods: Record<string, Method> = {
  'messages.getConversations'(p, token, world) {
    const groupId = messagingGroup(p, token, world);
    const all = world.messages
      .conversations(groupId)
      .filter((c) => c.messages.length > 0)
      .sort((a, b) => (b.messages.at(-1)?.id ?? 0) - (a.messages.at(-1)?.id ?? 0));
    const offset = intOf(p, 'offset', 0);
    const count = Math.min(intOf(p, 'count', 20), 200);
    const items = all.slice(offset, offset + count).map((c) => {
      const last = c.messages.at(-1);
      return {
        conversation: {
          peer: { id: c.peerId, type: peerType(c.peerId), local_id: c.peerId },
          last_message_id: last?.id ?? 0,
          last_conversation_message_id: last?.conversation_message_id ?? 0,
          in_read: last?.id ?? 0,
          out_read: last?.id ?? 0,
          version: last?.id ?? 0,
          can_write: c.allowed ? { allowed: true } : { allowed: false, reason: 901 },
        },
        ...(last ? { last_message: last } : {}),
      };
    });
    return { count: all.length, items };
  },

  'messages.getHistory'(p, token, world) {
    const groupId = messagingGroup(p, token, world);
    const peerId = p.peer_id ? intOf(p, 'peer_id') : intOf(p, 'user_id');
    const messages = [...(world.messages.conversation(groupId, peerId)?.messages ?? [])];
    const ordered = p.rev === '1' ? messages : messages.reverse();
    const offset = intOf(p, 'offset', 0);
    const count = Math.min(intOf(p, 'count', 20), 200);
    return { count: messages.length, items: ordered.slice(offset, offset + count) };
  },

  'messages.send'(p, token, world) {
    const groupId = messagingGroup(p, token, world);
    const peerId = p.peer_id ? intOf(p, 'peer_id') : intOf(p, 'user_id');
    // Since API 5.90 random_id is required.
    const randomId = intOf(p, 'random_id');
    const text = p.message ?? '';
    if (!text && !p.attachment) throw vkErrors.param('message is empty');
    if (text.length > MAX_TEXT) throw new VkError(914, 'Message is too long');
    if (peerId <= 0 || peerId > 2_000_000_000) throw new VkError(936, 'Contact not found');
    if (!world.messages.conversation(groupId, peerId)?.allowed)
      throw new VkError(901, "Can't send messages for users without permission");
    const sent = world.messages.outgoing(
      groupId,
      token.token,
      peerId,
      text,
      randomId,
      Math.floor(world.now() / 1000),
    );
    return sent.id;
  },

  'groups.getLongPollServer'(p, token, world) {
    const groupId = messagingGroup(p, token, world);
    return {
      server: `${world.uploadBase}/lp/${groupId}`,
      key: world.longPollKey(groupId),
      ts: String(world.messages.events.get(groupId)?.length ?? 0),
    };
  },
};
