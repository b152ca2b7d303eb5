// The period, and what may be done with the version: save, preview, publish (a draft) or re-audit (published).
import { Button, FormItem, FormStatus, Group, Input } from '@vkontakte/vkui';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors.ts';
import type { WorkshopEditor } from './useWorkshopEditor.ts';

export function EditorActions({ e }: { e: WorkshopEditor }) {
  const { t } = useTranslation();
  const { draft, changed, save, tryIt, publish, audit, error } = e;
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
          <Button onClick={() => audit.mutate()} loading={audit.isPending}>
            {t('workshop.reaudit')}
          </Button>
        )}
      </div>
      {error && <FormStatus mode="error">{errorText(error)}</FormStatus>}
      {audit.data && (
        <FormStatus mode="default" data-testid="reaudit-done">
          {t('workshop.reaudited', { run: audit.data.runId, pages: audit.data.pages })}
        </FormStatus>
      )}
    </Group>
  );
}
