// One question of the work queue, a wall comment or a community message: a collapsed row (deadline in working
// hours, kind, page, the question's first words) that opens to its context (the post, or the conversation with
// the personal-data notice), the author and VK links, the answer and who sent it, saved replies one tap away,
// the reply checker, and the actions: answer on VK, take it, or mark that it needs no answer.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, FormItem, FormStatus, Textarea } from '@vkontakte/vkui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type {
  InboxItemView as InboxItem,
  SafetyFlagView as SafetyFlag,
} from '../../../../src/inbox/inbox.contract.ts';
import { api } from '../../lib/api.ts';
import { apiUrl, callApi } from '../../lib/client.ts';
import { errorText } from '../../lib/errors.ts';
import { dateTime, num } from '../../lib/format.ts';
import { useApi } from '../../lib/queries.ts';
import { Conversation } from './Conversation.tsx';
import { FlagList, Highlighted } from './Flags.tsx';
import { ReplyCheck } from './ReplyCheck.tsx';

const WORKDAY_HOURS = 9;

const vkPost = (item: InboxItem, reply = false) =>
  item.externalId === null || item.kind === 'message'
    ? null
    : `https://vk.com/wall-${item.externalId}_${item.postVkId}${reply ? `?reply=${item.vkId}` : ''}`;
const vkAuthor = (fromId: number) =>
  fromId > 0 ? `https://vk.com/id${fromId}` : `https://vk.com/club${-fromId}`;
const vkDialog = (item: InboxItem) =>
  item.kind === 'message' && item.externalId !== null && item.peerId !== null
    ? `https://vk.com/gim${item.externalId}?sel=${item.peerId}`
    : null;

/** The API path of an item's actions: comments under /api/inbox/:id, messages under /api/inbox/messages/:id. */
export function itemUrls(item: InboxItem) {
  const params = { id: item.commentId };
  return item.kind === 'message'
    ? {
        state: apiUrl('POST /api/inbox/messages/:id/state', { params }),
        reply: apiUrl('POST /api/inbox/messages/:id/reply', { params }),
        checkReply: apiUrl('POST /api/inbox/messages/:id/check-reply', { params }),
        conversation: apiUrl('GET /api/inbox/messages/:id/conversation', { params }),
      }
    : {
        state: apiUrl('POST /api/inbox/:id/state', { params }),
        reply: apiUrl('POST /api/inbox/:id/reply', { params }),
        checkReply: apiUrl('POST /api/inbox/:id/check-reply', { params }),
        conversation: null,
      };
}

/** The deadline badge: working hours left, or how late; nothing once the question is closed. */
export function DeadlineBadge({ item }: { item: InboxItem }) {
  const { t } = useTranslation();
  const h = item.workingHoursLeft;
  if (h === null) return <span className="deadline deadline-closed">{t(`inbox.status.${item.status}`)}</span>;
  // A working day is 9 hours (09:00–18:00): past two of them, days read better than hours.
  const days = (hours: number) => num(Math.round(hours / WORKDAY_HOURS), 0);
  const late = -h;
  const text = item.overdue
    ? late <= 0
      ? t('queue.lateNow')
      : late >= 2 * WORKDAY_HOURS
        ? t('queue.lateByDays', { days: days(late) })
        : t('queue.lateBy', { hours: num(late) })
    : h >= 2 * WORKDAY_HOURS
      ? t('queue.leftDays', { days: days(h) })
      : t('queue.left', { hours: num(h) });
  return (
    <span className={`deadline ${item.overdue ? 'deadline-late' : h <= 2 ? 'deadline-soon' : ''}`}>
      {text}
    </span>
  );
}

export function QueueRow(props: {
  item: InboxItem;
  open: boolean;
  onToggle: () => void;
  canAnswer: boolean;
  meId: number;
  onDone: (message: string) => void;
}) {
  const { item, open, onToggle } = props;
  const { t } = useTranslation();
  return (
    <li
      className="queue-row"
      data-status={item.status}
      data-overdue={item.overdue}
      data-comment={item.commentId}
      data-kind={item.kind}
    >
      <button type="button" className="queue-summary" aria-expanded={open} onClick={onToggle}>
        <DeadlineBadge item={item} />
        <span className="queue-kind muted">{t(`queue.kind.${item.kind}`)}</span>
        {item.escalation && (
          <span className="queue-kind" data-escalation={item.escalation.level}>
            {t(`queue.escalatedTo.${item.escalation.level}`)}
          </span>
        )}
        <span className="queue-who">{item.institution ?? item.pageUrl}</span>
        <span className="queue-snippet">{item.text}</span>
      </button>
      {open && <QueueDetail {...props} />}
    </li>
  );
}

function QueueDetail({
  item,
  canAnswer,
  meId,
  onDone,
}: {
  item: InboxItem;
  canAnswer: boolean;
  meId: number;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  // One key per answer being written: a double click or a retry sends it to VK once.
  const [key] = useState(() => crypto.randomUUID());
  const urls = itemUrls(item);
  const isMessage = item.kind === 'message';
  const refresh = () =>
    client.invalidateQueries({
      predicate: (q) => String(q.queryKey[0]).startsWith(apiUrl('GET /api/inbox')),
    });
  const state = useMutation({
    mutationFn: (body: object) => api.post(urls.state, body),
    onSuccess: () => {
      onDone(t('queue.savedToast'));
      return refresh();
    },
  });
  const reply = useMutation({
    mutationFn: () => api.post(urls.reply, { text, key }),
    onSuccess: () => {
      onDone(t(isMessage ? 'queue.messageSentToast' : 'queue.sentToast'));
      return refresh();
    },
  });
  const dismiss = useMutation({
    mutationFn: (flag: SafetyFlag) =>
      callApi('POST /api/inbox/:id/dismiss-flag', {
        params: { id: item.commentId },
        body: { kind: flag.kind, text: flag.text },
      }),
    onSuccess: refresh,
  });
  const waiting = item.status === 'new' || item.status === 'in_progress';
  const saved = useApi(
    canAnswer && waiting
      ? apiUrl('GET /api/inbox/saved-replies', { query: { pageId: item.pageId, question: item.text } })
      : null,
  );
  const error = state.error ?? reply.error ?? dismiss.error;
  const postUrl = vkPost(item);
  const commentUrl = vkPost(item, true) ?? vkDialog(item);
  return (
    <div className="queue-detail">
      {urls.conversation && <Conversation url={urls.conversation} />}
      {item.postText !== null && (
        <blockquote className="queue-post">
          <span className="muted">{t('queue.post')}: </span>
          {item.postText.length > 280 ? `${item.postText.slice(0, 280)}…` : item.postText}
          {postUrl && (
            <>
              {' '}
              <a href={postUrl} target="_blank" rel="noreferrer">
                {t('queue.onVk')}
              </a>
            </>
          )}
        </blockquote>
      )}
      <p className="inbox-text">
        <Highlighted text={item.text} flags={item.flags} />
      </p>
      <p className="queue-links">
        <span className="muted">{dateTime(item.postedAt)}</span>
        <a href={vkAuthor(item.fromId)} target="_blank" rel="noreferrer">
          {t('queue.author')}
        </a>
        {commentUrl && (
          <a href={commentUrl} target="_blank" rel="noreferrer">
            {isMessage ? t('queue.onVkDialog') : t('queue.onVk')}
          </a>
        )}
        <Link to={`/pages/${item.pageId}`}>{item.institution ?? item.pageUrl}</Link>
      </p>
      {item.answer && (
        <div className="queue-answer" data-testid="queue-answer">
          <p className="muted">
            {item.answer.by
              ? t('queue.answeredBy', { who: item.answer.by, date: dateTime(item.answer.at) })
              : t('queue.answeredOnVk', { date: dateTime(item.answer.at) })}
          </p>
          <p className="inbox-text">{item.answer.text}</p>
        </div>
      )}
      {item.reason && <p className="muted">{item.reason}</p>}
      {item.assignee && <p className="muted">{t('inbox.assignee', { who: item.assignee })}</p>}
      {item.flags.length > 0 && (
        <FlagList
          flags={item.flags}
          onDismiss={canAnswer && !isMessage ? (flag) => dismiss.mutate(flag) : null}
        />
      )}
      {error && (
        <FormStatus mode="error" role="alert">
          {errorText(error)}
        </FormStatus>
      )}
      {canAnswer && waiting && (
        <div className="inbox-actions">
          {saved.data && (
            <fieldset className="saved-replies">
              <legend className="sr-only">{t('queue.saved')}</legend>
              {saved.data.replies.length === 0 ? (
                <span className="muted">{t('queue.savedNone')}</span>
              ) : (
                saved.data.replies.slice(0, 6).map((r) => (
                  <Button
                    key={r.id}
                    size="m"
                    mode={r.matches ? 'secondary' : 'outline'}
                    title={r.missing.length ? t('queue.missing', { names: r.missing.join(', ') }) : r.text}
                    onClick={() => setText(r.text)}
                  >
                    {r.title}
                  </Button>
                ))
              )}
            </fieldset>
          )}
          <FormItem top={t('inbox.reply')} htmlFor={`reply-${item.commentId}`}>
            <Textarea
              id={`reply-${item.commentId}`}
              value={text}
              onChange={(e) => setText(e.target.value)}
              rows={3}
            />
          </FormItem>
          <ReplyCheck url={urls.checkReply} text={text} />
          <div className="actions">
            <Button
              mode="primary"
              size="m"
              disabled={!text.trim()}
              loading={reply.isPending}
              onClick={() => reply.mutate()}
            >
              {t('inbox.send')}
            </Button>
            {item.status === 'new' && (
              <Button
                mode="secondary"
                size="m"
                loading={state.isPending}
                onClick={() => state.mutate({ status: 'in_progress', assigneeId: meId })}
              >
                {t('inbox.take')}
              </Button>
            )}
            <Button mode="tertiary" size="m" onClick={() => setAsking(!asking)}>
              {t('inbox.noAnswer')}
            </Button>
          </div>
          {asking && (
            <div className="actions">
              <FormItem top={t('inbox.reason')} htmlFor={`reason-${item.commentId}`}>
                <Textarea
                  id={`reason-${item.commentId}`}
                  value={reason}
                  placeholder={t('inbox.reasonPlaceholder')}
                  onChange={(e) => setReason(e.target.value)}
                  rows={1}
                />
              </FormItem>
              <Button
                size="m"
                disabled={!reason.trim()}
                onClick={() => state.mutate({ status: 'no_answer_needed', reason })}
              >
                {t('inbox.confirm')}
              </Button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
