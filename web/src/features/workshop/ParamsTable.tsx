// A version's rules with their parameters as inputs (editable in a draft), and the lint's problems below.
import { FormItem, FormStatus, Group, Header, Input } from '@vkontakte/vkui';
import type { Dispatch, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { type Edits, type Problem, parsed, type Version } from './workshop-edits.ts';

type Props = {
  v: Version;
  lang: 'ru' | 'en';
  draft: boolean;
  edits: Edits;
  setEdits: Dispatch<SetStateAction<Edits>>;
  problems: Problem[];
};

export function ParamsTable({ v, lang, draft, edits, setEdits, problems }: Props) {
  const { t } = useTranslation();
  return (
    <Group header={<Header>{t('workshop.params')}</Header>}>
      <table className="data-table workshop-rules">
        <thead>
          <tr>
            <th scope="col">{t('workshop.rule')}</th>
            <th scope="col">{t('workshop.params')}</th>
          </tr>
        </thead>
        <tbody>
          {v.rules
            .filter((r) => Object.keys(r.params).length > 0)
            .map((r) => (
              <tr key={r.id} data-rule={r.id}>
                <th scope="row">
                  {r.title[lang]}
                  <div className="muted">{r.id}</div>
                </th>
                <td>
                  <ParamInputs
                    rule={r}
                    draft={draft}
                    edits={edits}
                    setEdits={setEdits}
                    problems={problems.filter((p) => p.rule === r.id)}
                  />
                </td>
              </tr>
            ))}
        </tbody>
      </table>
      {problems.length > 0 && (
        <FormStatus mode="error" data-testid="lint-problems">
          <ul>
            {problems.map((p) => (
              <li key={`${p.rule ?? ''}:${p.field}:${p.message}`}>
                {p.rule ? `${p.rule}: ` : ''}
                {p.field}: {p.message}
              </li>
            ))}
          </ul>
        </FormStatus>
      )}
    </Group>
  );
}

type InputsProps = Omit<Props, 'v' | 'lang'> & { rule: Version['rules'][number] };

/** One input per parameter of a rule, showing the typed value over the saved one. */
function ParamInputs({ rule, draft, edits, setEdits, problems }: InputsProps) {
  return Object.entries(rule.params).map(([name, value]) => {
    const edited = edits[rule.id]?.[name];
    const shown = edited ?? value;
    const inputId = `param-${rule.id}-${name}`;
    return (
      <FormItem
        key={name}
        top={name}
        htmlFor={inputId}
        status={problems.some((p) => p.field.includes(name)) ? 'error' : 'default'}
      >
        <Input
          id={inputId}
          disabled={!draft}
          value={typeof shown === 'object' ? JSON.stringify(shown) : String(shown)}
          onChange={(e) =>
            setEdits((old) => ({
              ...old,
              [rule.id]: { ...old[rule.id], [name]: parsed(e.target.value) },
            }))
          }
        />
      </FormItem>
    );
  });
}
