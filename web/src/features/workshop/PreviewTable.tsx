// What a version changes on current data: pages per level before and after, per region and per rule.
import { Group, Header } from '@vkontakte/vkui';
import { useTranslation } from 'react-i18next';
import type { Preview } from './workshop-edits.ts';

export function PreviewTable({ p, title }: { p: Preview; title: (level: string) => string }) {
  const { t } = useTranslation();
  return (
    <Group header={<Header>{t('workshop.previewTitle', { before: p.before, after: p.after })}</Header>}>
      <p data-testid="preview-summary">{t('workshop.changed', { changed: p.changed, pages: p.pages })}</p>
      <table className="data-table" data-testid="preview-levels">
        <caption>{t('workshop.levels')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('workshop.level')}</th>
            <th scope="col">{p.before}</th>
            <th scope="col">{p.after}</th>
          </tr>
        </thead>
        <tbody>
          {p.levels.map((l) => (
            <tr key={l.id}>
              <th scope="row">{title(l.id)}</th>
              <td>{l.before}</td>
              <td>{l.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="data-table" data-testid="preview-regions">
        <caption>{t('workshop.regions')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('workshop.region')}</th>
            <th scope="col">{t('workshop.pages')}</th>
            <th scope="col">{t('workshop.changedPages')}</th>
          </tr>
        </thead>
        <tbody>
          {p.regions.map((r) => (
            <tr key={r.code}>
              <th scope="row">{r.code}</th>
              <td>{r.pages}</td>
              <td>{r.changed}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="data-table" data-testid="preview-rules">
        <caption>{t('workshop.rules')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('workshop.rule')}</th>
            <th scope="col">{t('workshop.changedPages')}</th>
            <th scope="col">{t('workshop.passBefore')}</th>
            <th scope="col">{t('workshop.passAfter')}</th>
          </tr>
        </thead>
        <tbody>
          {p.rules.map((r) => (
            <tr key={r.rule}>
              <th scope="row">{r.rule}</th>
              <td>{r.changed}</td>
              <td>{r.passBefore}</td>
              <td>{r.passAfter}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Group>
  );
}
