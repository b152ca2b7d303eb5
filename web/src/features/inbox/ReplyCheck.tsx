// The reply checker beside the answer box: the draft is checked against the rework criteria a moment after the
// admin stops typing (a warning, never a block), each issue named with its concrete fix in the user's language.
import { FormStatus } from '@vkontakte/vkui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.ts';

type Issue = { criterion: string; fix: { ru: string; en: string } };
type Check = { version: string; issues: Issue[] };

const DEBOUNCE_MS = 300;

/** Checks `text` through `url` (the item's check-reply route) once typing pauses; shows what to fix. */
export function ReplyCheck({ url, text }: { url: string; text: string }) {
  const { t, i18n } = useTranslation();
  const [check, setCheck] = useState<{ text: string; result: Check } | null>(null);
  useEffect(() => {
    if (!text.trim()) return;
    let live = true;
    const timer = setTimeout(() => {
      api
        .post<Check>(url, { text })
        .then((result) => {
          if (live) setCheck({ text, result });
        })
        .catch(() => {
          // The checker only advises: when it cannot answer, the admin still sends.
        });
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [url, text]);
  if (!text.trim()) return null;
  const current = check?.text === text ? check.result : null;
  const lang = i18n.language.startsWith('en') ? 'en' : 'ru';
  return (
    <div className="reply-check" data-testid="reply-check" data-state={current ? 'checked' : 'checking'}>
      <p className="muted">
        {t('queue.check')}
        {current ? ` · ${current.version}` : ''}
      </p>
      {!current ? (
        <p className="muted">{t('queue.checking')}</p>
      ) : current.issues.length === 0 ? (
        <FormStatus mode="default">{t('queue.checkOk')}</FormStatus>
      ) : (
        <ul>
          {current.issues.map((issue) => (
            <li key={issue.criterion} data-criterion={issue.criterion}>
              <strong>{t(`queue.criteria.${issue.criterion}`, { defaultValue: issue.criterion })}</strong>
              {': '}
              {issue.fix[lang]}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
