// Parsers of VK's community-message answers (messages.getConversations, messages.getHistory, Bots Long Poll
// updates): the few fields the inbox keeps, tolerant of VK's extra fields, naming the field that does not fit.
import { z } from 'zod';
import { AppError } from '../platform/errors.ts';

const id = z.union([z.number(), z.string().regex(/^-?\d+$/)]).transform(Number);

const messageSchema = z
  .object({
    id,
    peer_id: id,
    from_id: id,
    date: id,
    text: z.string().default(''),
    out: z.union([z.number(), z.boolean()]).transform((v) => v === 1 || v === true),
    conversation_message_id: id.optional(),
  })
  .loose();

export type VkMessage = {
  id: number;
  peer_id: number;
  from_id: number;
  date: number;
  text: string;
  out: boolean;
};

const conversationSchema = z
  .object({
    conversation: z
      .object({
        peer: z.object({ id, type: z.string() }).loose(),
        can_write: z.object({ allowed: z.boolean() }).loose().optional(),
      })
      .loose(),
    last_message: messageSchema.optional(),
  })
  .loose();

export type VkConversation = {
  peerId: number;
  peerType: string;
  canWrite: boolean | null;
  lastMessage: VkMessage | null;
};

function fail(source: string, error: z.ZodError): never {
  const issue = error.issues[0];
  throw new AppError(
    'UPSTREAM_UNAVAILABLE',
    `${source}: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unexpected answer'}`,
  );
}

function strip(m: z.infer<typeof messageSchema>): VkMessage {
  return { id: m.id, peer_id: m.peer_id, from_id: m.from_id, date: m.date, text: m.text, out: m.out };
}

export function parseMessages(response: unknown, source: string): { count: number; items: VkMessage[] } {
  const parsed = z
    .object({ count: id, items: z.array(messageSchema) })
    .loose()
    .safeParse(response);
  if (!parsed.success) fail(source, parsed.error);
  return { count: parsed.data.count, items: parsed.data.items.map(strip) };
}

export function parseConversations(
  response: unknown,
  source: string,
): { count: number; items: VkConversation[] } {
  const parsed = z
    .object({ count: id, items: z.array(conversationSchema) })
    .loose()
    .safeParse(response);
  if (!parsed.success) fail(source, parsed.error);
  return {
    count: parsed.data.count,
    items: parsed.data.items.map((c) => ({
      peerId: c.conversation.peer.id,
      peerType: c.conversation.peer.type,
      canWrite: c.conversation.can_write?.allowed ?? null,
      lastMessage: c.last_message ? strip(c.last_message) : null,
    })),
  };
}

/** One message of a message_new event (Callback API or Bots Long Poll, API 5.103+: `object.message`). */
export function parseEventMessage(object: unknown, source: string): VkMessage {
  const parsed = z.object({ message: messageSchema }).loose().safeParse(object);
  if (!parsed.success) fail(source, parsed.error);
  return strip(parsed.data.message);
}
