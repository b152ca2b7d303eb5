// What became of a draft, above its form: the reviewer's comment, the token it lacks or why it failed, the next
// retry, the VK post it became, and its status on each other network.
import { FormStatus } from '@vkontakte/vkui';
import { useTranslation } from 'react-i18next';
import type { DraftDetail } from '../../../../src/planner/planner.contract.ts';
import { toZonedInput } from '../../lib/zoned.ts';

/** What each VK method a page admin's user token makes publishes, in words. */
const WHAT_OF: Record<string, string> = {
  'photos.getWallUploadServer': 'photos',
  'photos.saveWallPhoto': 'photos',
  'polls.create': 'poll',
  'shortVideo.create': 'clip',
  'video.save': 'video',
  'video.startStreaming': 'live',
};

/**
 * The token the page lacks for this draft, said plainly: which parts need a page admin's user token (VK makes
 * photos, polls, clips, videos and broadcasts only with one), how to connect it, or to publish by hand.
 */
function TokenNeeded({ draft }: { draft: DraftDetail }) {
  const { t } = useTranslation();
  const what = [...new Set(draft.publishing.userMethods.map((m) => WHAT_OF[m] ?? 'photos'))]
    .map((w) => t(`planner.editor.what.${w}`))
    .join(', ');
  const text =
    draft.publishing.missing === 'user'
      ? t('planner.editor.needsUser', { what, page: draft.pageId })
      : t('planner.editor.needsToken', { page: draft.pageId });
  return (
    <FormStatus mode={draft.status === 'failed' ? 'error' : 'default'} data-testid="draft-token-missing">
      {draft.status === 'failed' && `${t('planner.editor.notPublished')} `}
      {text}
    </FormStatus>
  );
}

export function DraftStatus({ draft, tz }: { draft: DraftDetail; tz: string }) {
  const { t } = useTranslation();
  return (
    <>
      {draft.reviewComment && (
        <FormStatus mode="error">{t('planner.editor.comment', { comment: draft.reviewComment })}</FormStatus>
      )}
      {draft.publishing.missing ? (
        <TokenNeeded draft={draft} />
      ) : (
        draft.status === 'failed' &&
        draft.lastError && (
          <FormStatus mode="error">{t('planner.editor.error', { error: draft.lastError })}</FormStatus>
        )
      )}
      {draft.status === 'scheduled' && draft.lastError && draft.nextAttemptAt && (
        <p className="muted">
          {t('planner.editor.error', { error: draft.lastError })}{' '}
          {t('planner.editor.retryAt', { when: toZonedInput(draft.nextAttemptAt, tz).replace('T', ' ') })}
        </p>
      )}
      {draft.vkPostId && (
        <p data-testid="draft-published">{t('planner.editor.published', { id: draft.vkPostId })}</p>
      )}
      {draft.networks.length > 0 && (
        <div data-testid="draft-networks">
          <p className="muted">{t('planner.editor.networks')}</p>
          <ul>
            {draft.networks.map((n) => (
              <li key={n.network} data-network={n.network} data-status={n.status}>
                {t(`planner.editor.network.${n.network}`)}: {t(`planner.editor.networkStatus.${n.status}`)} (
                {t('planner.editor.attempts', { count: n.attempts })})
                {n.error && n.status !== 'published' ? ` — ${n.error}` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
      {draft.stream && <p className="muted">{t('planner.editor.stream', draft.stream)}</p>}
    </>
  );
}
