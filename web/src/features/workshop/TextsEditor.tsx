// A rule's texts in both languages (its positive name, the titles of a partial and a failed result, the advice,
// how to and why), editable in a draft; lint checks them as they are typed, like the parameters, and a text
// with a problem is marked with it.
import { FormItem, FormStatus, Group, Header, NativeSelect, Textarea } from '@vkontakte/vkui';
import { type Dispatch, type SetStateAction, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Problem, TEXT_FIELDS, type TextEdits, type Version } from './workshop-edits.ts';

type Props = {
  v: Version;
  lang: 'ru' | 'en';
  draft: boolean;
  texts: TextEdits;
  setTexts: Dispatch<SetStateAction<TextEdits>>;
  problems: Problem[];
};

export function TextsEditor({ v, lang, draft, texts, setTexts, problems }: Props) {
  const { t } = useTranslation();
  const [ruleId, setRuleId] = useState(v.rules[0]?.id ?? '');
  const rule = v.rules.find((r) => r.id === ruleId);
  return (
    <Group header={<Header>{t('workshop.texts')}</Header>} data-testid="workshop-texts">
      <FormItem top={t('workshop.rule')} htmlFor="texts-rule">
        <NativeSelect id="texts-rule" value={ruleId} onChange={(e) => setRuleId(e.target.value)}>
          {v.rules.map((r) => (
            <option key={r.id} value={r.id}>
              {r.title[lang]} ({r.id})
            </option>
          ))}
        </NativeSelect>
      </FormItem>
      {rule &&
        TEXT_FIELDS.filter((f) => rule.texts[f]).map((field) => (
          <TextField
            key={`${rule.id}-${field}`}
            rule={rule.id}
            field={field}
            saved={rule.texts[field] ?? { ru: '', en: '' }}
            typed={texts[rule.id]?.[field]}
            draft={draft}
            setTexts={setTexts}
            problems={problems.filter((p) => p.rule === rule.id && p.field.includes(field))}
          />
        ))}
    </Group>
  );
}

type FieldProps = {
  rule: string;
  field: string;
  saved: { ru: string; en: string };
  typed: { ru?: string; en?: string } | undefined;
  draft: boolean;
  setTexts: Dispatch<SetStateAction<TextEdits>>;
  problems: Problem[];
};

/** One text of a rule: a box per language, the typed text over the saved one, its lint problems below. */
function TextField({ rule, field, saved, typed, draft, setTexts, problems }: FieldProps) {
  const { t } = useTranslation();
  const type = (lang: 'ru' | 'en', value: string) =>
    setTexts((old) => ({
      ...old,
      [rule]: { ...old[rule], [field]: { ...old[rule]?.[field], [lang]: value } },
    }));
  return (
    <fieldset className="workshop-text" data-field={field}>
      <legend>{t(`workshop.field.${field}`)}</legend>
      {(['ru', 'en'] as const).map((lang) => {
        const id = `text-${rule}-${field}-${lang}`;
        return (
          <FormItem
            key={lang}
            top={t(`workshop.lang.${lang}`)}
            htmlFor={id}
            status={problems.length > 0 ? 'error' : 'default'}
          >
            <Textarea
              id={id}
              rows={2}
              disabled={!draft}
              value={typed?.[lang] ?? saved[lang]}
              onChange={(e) => type(lang, e.target.value)}
            />
          </FormItem>
        );
      })}
      {problems.length > 0 && (
        <FormStatus mode="error">
          {problems.map((p) => (
            <div key={`${p.field}:${p.message}`}>
              {p.field}: {p.message}
            </div>
          ))}
        </FormStatus>
      )}
    </fieldset>
  );
}
