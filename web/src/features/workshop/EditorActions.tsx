// The period, and what may be done with the version: save, preview, publish (a draft) or re-audit (published).
import { Button, FormItem, FormStatus, Group, Input } from '@vkontakte/vkui';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors.ts';
import type { ReauditStatus } from './useReaudit.ts';
import type { WorkshopEditor } from './useWorkshopEditor.ts';

export function EditorActions({ e }: { e: WorkshopEditor }) {
  const { t } = useTranslation();
  const { draft, changed, save, tryIt, publish, reaudit, error } = e;
  const working = reaudit.status?.state === 'queued' || reaudit.status?.state === 'running';
  return (
    <Group>
      <FormItem top={t('workshop.period')} htmlFor="workshop-period">
        <Input
          id="workshop-period"
          placeholder="2026-10-31..2026-11-29"
          value={e.period}
          onChange={(ev) => e.setPeriod(ev.target.value)}
        />
      </FormItem>
      <div className="actions">
        {draft && (
          <Button
            onClick={() => save.mutate()}
            disabled={!changed || e.problems.length > 0}
            loading={save.isPending}
          >
            {t('workshop.save')}
          </Button>
        )}
        <Button mode="secondary" onClick={() => tryIt.mutate()} loading={tryIt.isPending} disabled={changed}>
          {t('workshop.preview')}
        </Button>
        {draft && (
          <Button
            mode="secondary"
            onClick={() => publish.mutate()}
            loading={publish.isPending}
            disabled={changed}
          >
            {t('workshop.publish')}
          </Button>
        )}
        {!draft && (
          <Button onClick={() => reaudit.ask.mutate()} loading={reaudit.ask.isPending || working}>
            {t('workshop.reaudit')}
          </Button>
        )}
      </div>
      {error && <FormStatus mode="error">{errorText(error)}</FormStatus>}
      {reaudit.status && <ReauditProgress s={reaudit.status} />}
    </Group>
  );
}

/** Where the re-audit's job stands, said as it changes (a live region). */
function ReauditProgress({ s }: { s: ReauditStatus }) {
  const { t } = useTranslation();
  const text =
    s.state === 'done'
      ? t('workshop.reaudited', { run: s.runId, pages: s.pagesDone })
      : s.state === 'running' && s.runId !== null
        ? t('workshop.reauditRunning', { run: s.runId, done: s.pagesDone, total: s.pagesTotal })
        : s.state === 'failed'
          ? t('workshop.reauditFailed')
          : t('workshop.reauditQueued');
  return (
    <FormStatus
      mode={s.state === 'failed' ? 'error' : 'default'}
      data-testid={s.state === 'done' ? 'reaudit-done' : 'reaudit-progress'}
      role="status"
    >
      {text}
    </FormStatus>
  );
}
