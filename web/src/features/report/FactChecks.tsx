// The facts VK does not tell (ПОС widgets, Госпаблики connection, site backlink…): each rule's status and the
// source of its fact (or, while unknown, what is missing and how to supply it), and for those who may record one
// (the page's admin and the admins above it) a small form — checked yes/no (or how many widgets), on which day,
// the evidence link. The next audit reads the check. The forms are closed until asked for, one open at a time:
// five open forms made the card 2,000 px longer on a phone.
import { useMutation } from '@tanstack/react-query';
import { Button, FormItem, FormStatus, Group, Header, Input, Select } from '@vkontakte/vkui';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardItem } from '../../lib/card-model.ts';
import { callApi } from '../../lib/client.ts';
import { errorText } from '../../lib/errors.ts';

/** Today in the browser's time zone, as a date input wants it (toISOString would give UTC's day). */
const today = () => {
  const d = new Date();
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
};

export function FactChecks({
  pageId,
  items,
  canRecord,
}: {
  pageId: number;
  items: CardItem[];
  canRecord: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Group header={<Header subtitle={t('card.checksHint')}>{t('card.checks')}</Header>}>
      <ul className="rules manual-list" data-testid="fact-checks">
        {items.map((item) => (
          <li key={item.id} className="rule" data-status={item.status} data-rule={item.id}>
            <div className="rule-head">
              <span className="rule-title">{item.name}</span>
              <span className={`status-chip ${item.status}`} data-testid="status-chip">
                {item.statusText}
              </span>
            </div>
            {item.unknownText && (
              <p className="muted" data-testid="fact-unknown">
                {item.unknownText}
              </p>
            )}
            {item.sourceText && (
              <p className="muted" data-testid="fact-source">
                {item.sourceText}
              </p>
            )}
            {canRecord && item.check && (
              <CheckRow
                pageId={pageId}
                item={item}
                check={item.check}
                open={open === item.id}
                onOpen={(o) => setOpen(o ? item.id : null)}
              />
            )}
          </li>
        ))}
      </ul>
    </Group>
  );
}

/** The button that opens a rule's form, or the form with a way to close it. */
function CheckRow({
  open,
  onOpen,
  ...props
}: {
  pageId: number;
  item: CardItem;
  check: { fact: string; max: 1 | 2 };
  open: boolean;
  onOpen: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const formId = useId();
  return (
    <>
      <Button
        mode={open ? 'tertiary' : 'secondary'}
        size="m"
        className="check-toggle"
        aria-expanded={open}
        aria-controls={open ? formId : undefined}
        data-testid={`check-open-${props.item.id}`}
        onClick={() => onOpen(!open)}
      >
        {open ? t('card.checkCancel') : t('card.checkOpen')}
      </Button>
      {open && <CheckForm id={formId} {...props} />}
    </>
  );
}

/** The answers a check may record: yes or no, or how many of the two widgets. */
function checkOptions(max: 1 | 2, t: (key: string) => string) {
  return max === 2
    ? [0, 1, 2].map((n) => ({ value: String(n), label: t(`card.checkWidgets.${n}`) }))
    : [
        { value: '1', label: t('card.checkYes') },
        { value: '0', label: t('card.checkNo') },
      ];
}

function CheckForm({
  id,
  pageId,
  item,
  check,
}: {
  id: string;
  pageId: number;
  item: CardItem;
  check: { fact: string; max: 1 | 2 };
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [day, setDay] = useState(today());
  const [evidence, setEvidence] = useState('');
  const save = useMutation({
    mutationFn: () =>
      callApi('POST /api/pages/:id/facts', {
        params: { id: pageId },
        body: {
          fact: check.fact,
          value: check.max === 2 ? Number(value) : value === '1',
          checkedOn: day,
          ...(evidence.trim() ? { evidence: evidence.trim() } : {}),
        },
      }),
  });
  return (
    <form
      id={id}
      className="fact-check"
      data-testid={`check-${item.id}`}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <FormItem top={t('card.checkValue')} htmlFor={`check-value-${item.id}`}>
        <Select
          id={`check-value-${item.id}`}
          value={value}
          placeholder={t('card.checkChoose')}
          options={checkOptions(check.max, t)}
          onChange={(e) => setValue(e.target.value)}
        />
      </FormItem>
      <FormItem top={t('card.checkDay')} htmlFor={`check-day-${item.id}`}>
        <Input
          id={`check-day-${item.id}`}
          type="date"
          value={day}
          max={today()}
          onChange={(e) => setDay(e.target.value)}
        />
      </FormItem>
      <FormItem top={t('card.checkEvidence')} htmlFor={`check-evidence-${item.id}`}>
        <Input
          id={`check-evidence-${item.id}`}
          type="url"
          maxLength={500}
          placeholder="https://"
          value={evidence}
          onChange={(e) => setEvidence(e.target.value)}
        />
      </FormItem>
      <FormItem>
        <Button type="submit" disabled={value === '' || save.isPending} loading={save.isPending}>
          {t('card.checkSave')}
        </Button>
      </FormItem>
      {save.isSuccess && (
        <FormStatus mode="default" data-testid="check-saved">
          {t('card.checkSaved')}
        </FormStatus>
      )}
      {save.isError && <FormStatus mode="error">{errorText(save.error)}</FormStatus>}
    </form>
  );
}
