// Safety flags of a text: the flagged spans marked, each flag named and dismissable as false by an answerer.
import { Button } from '@vkontakte/vkui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SafetyFlagView as SafetyFlag } from '../../../../src/inbox/inbox.contract.ts';

/** Each flag of a text by kind and span; an answerer may dismiss one as false. */
export function FlagList({
  flags,
  onDismiss,
}: {
  flags: SafetyFlag[];
  onDismiss: ((flag: SafetyFlag) => void) | null;
}) {
  const { t } = useTranslation();
  return (
    <ul className="flags">
      {flags.map((f) => (
        <li key={`${f.kind}:${f.start}`}>
          <span className="flag">
            {t(`inbox.flag.${f.kind}`)}: «{f.text}»
          </span>
          {onDismiss && (
            <Button size="s" mode="tertiary" onClick={() => onDismiss(f)}>
              {t('inbox.dismiss')}
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The comment with each flagged span marked. */
export function Highlighted({ text, flags }: { text: string; flags: SafetyFlag[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const f of [...flags].sort((a, b) => a.start - b.start)) {
    if (f.start < at) continue;
    parts.push(text.slice(at, f.start));
    parts.push(
      <mark key={`${f.kind}:${f.start}`} title={f.kind}>
        {text.slice(f.start, f.end)}
      </mark>,
    );
    at = f.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}
