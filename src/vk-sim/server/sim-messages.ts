// The simulator's community messages and the events it pushes: each community's conversations (who allowed
// messages from it, what was said), the random_ids each sender used (a repeat is the same message, as on VK),
// and an ordered event log per community that Bots Long Poll reads and the Callback API is sent from.
export type SimMessage = {
  id: number;
  peer_id: number;
  from_id: number;
  date: number;
  text: string;
  out: 0 | 1;
  conversation_message_id: number;
  random_id?: number;
};

export type SimEvent = { type: string; object: unknown; group_id: number; event_id: string; v: string };

type Conversation = { peerId: number; allowed: boolean; messages: SimMessage[] };

export class SimMessages {
  private readonly byGroup = new Map<number, Map<number, Conversation>>();
  private readonly randomIds = new Map<string, number>();
  private nextId = 1;
  /** Each community's events in order; an event's number in its log is the Long Poll `ts` after it. */
  readonly events = new Map<number, SimEvent[]>();
  private nextEvent = 1;
  /** Listeners told of each new event (the Callback API sender). */
  readonly listeners: ((event: SimEvent) => void)[] = [];

  conversations(groupId: number): Conversation[] {
    return [...(this.byGroup.get(groupId)?.values() ?? [])];
  }

  conversation(groupId: number, peerId: number): Conversation | undefined {
    return this.byGroup.get(groupId)?.get(peerId);
  }

  private open(groupId: number, peerId: number): Conversation {
    let group = this.byGroup.get(groupId);
    if (!group) {
      group = new Map();
      this.byGroup.set(groupId, group);
    }
    let conv = group.get(peerId);
    if (!conv) {
      conv = { peerId, allowed: false, messages: [] };
      group.set(peerId, conv);
    }
    return conv;
  }

  /** A person allows (or forbids) messages from the community: message_allow / message_deny. */
  setAllowed(groupId: number, peerId: number, allowed: boolean, now: number): void {
    this.open(groupId, peerId).allowed = allowed;
    this.emit(groupId, allowed ? 'message_allow' : 'message_deny', { user_id: peerId, key: '' }, now);
  }

  /** A person writes to the community: writing allows the community's answers, as VK does. */
  incoming(groupId: number, peerId: number, text: string, now: number): SimMessage {
    const conv = this.open(groupId, peerId);
    conv.allowed = true;
    const message = this.add(conv, { peer_id: peerId, from_id: peerId, date: now, text, out: 0 });
    this.emit(
      groupId,
      'message_new',
      { message, client_info: { keyboard: true, inline_keyboard: true } },
      now,
    );
    return message;
  }

  /** The community's message; a random_id the sender used before returns the earlier message's id. */
  outgoing(
    groupId: number,
    senderKey: string,
    peerId: number,
    text: string,
    randomId: number,
    now: number,
  ): { id: number; repeated: boolean } {
    const key = `${senderKey}|${randomId}`;
    const seen = randomId !== 0 ? this.randomIds.get(key) : undefined;
    if (seen !== undefined) return { id: seen, repeated: true };
    const conv = this.open(groupId, peerId);
    const message = this.add(conv, {
      peer_id: peerId,
      from_id: -groupId,
      date: now,
      text,
      out: 1,
      random_id: randomId,
    });
    if (randomId !== 0) this.randomIds.set(key, message.id);
    this.emit(groupId, 'message_reply', message, now);
    return { id: message.id, repeated: false };
  }

  private add(conv: Conversation, m: Omit<SimMessage, 'id' | 'conversation_message_id'>): SimMessage {
    const message = { ...m, id: this.nextId++, conversation_message_id: conv.messages.length + 1 };
    conv.messages.push(message);
    return message;
  }

  emit(groupId: number, type: string, object: unknown, _now: number): SimEvent {
    const log = this.events.get(groupId) ?? [];
    this.events.set(groupId, log);
    const event = {
      type,
      object,
      group_id: groupId,
      event_id: `sim${(this.nextEvent++).toString(16)}`,
      v: '5.199',
    };
    log.push(event);
    for (const listener of this.listeners) listener(event);
    return event;
  }
}
