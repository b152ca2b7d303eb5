// The methodology's text: every rule with why it matters, how to meet it, its weight and its sources; a
// report's rule links here by anchor (#rule-<id>).
import { Group, Header } from '@vkontakte/vkui';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { Loaded } from '../../components/StateView.tsx';
import { useMethodology } from '../../lib/queries.ts';

export function MethodologyPage() {
  const { t } = useTranslation();
  const { version = '2023.1' } = useParams();
  const methodology = useMethodology(version);
  const { hash } = useLocation();
  useEffect(() => {
    if (hash && methodology.data) {
      const target = document.getElementById(hash.slice(1));
      target?.scrollIntoView({ block: 'start' });
      target?.focus();
    }
  }, [hash, methodology.data]);
  return (
    <Loaded query={methodology} minHeight={600}>
      {(m) => (
        <article aria-labelledby="methodology-title">
          <h1 id="methodology-title" className="page-title">
            {m.title}
          </h1>
          {m.categories.map((c) => (
            <Group
              key={c.id}
              header={<Header subtitle={`${t('methodology.weight')}: ${c.weight}`}>{c.title}</Header>}
            >
              {m.ruleList
                .filter((r) => r.category === c.id)
                .map((rule) => (
                  <section
                    key={rule.id}
                    id={`rule-${rule.id}`}
                    tabIndex={-1}
                    className={`method-rule${hash === `#rule-${rule.id}` ? ' highlighted' : ''}`}
                    aria-labelledby={`title-${rule.id}`}
                  >
                    <h2 id={`title-${rule.id}`}>{rule.title}</h2>
                    <p>
                      <strong>{t('methodology.rationale')}:</strong> {rule.rationale}
                    </p>
                    <p>
                      <strong>{t('methodology.help')}:</strong> {rule.help}
                    </p>
                    <p className="muted">
                      {t('methodology.weight')}: {rule.weight} · {t('methodology.severity')}:{' '}
                      {t(`severity.${rule.severity}`)}
                    </p>
                    {Object.keys(rule.params).length > 0 && (
                      <p className="muted" data-testid="rule-params">
                        {t('methodology.params')}:{' '}
                        {Object.entries(rule.params).map(([name, value], i) => (
                          <span key={name} data-proposed={rule.proposed?.includes(name) ? 'yes' : undefined}>
                            {i > 0 ? ', ' : ''}
                            {name} = {typeof value === 'object' ? JSON.stringify(value) : String(value)}
                            {rule.proposed?.includes(name) ? ` (${t('methodology.proposed')})` : ''}
                          </span>
                        ))}
                      </p>
                    )}
                    {rule.sources.length > 0 && (
                      <ul className="sources" aria-label={t('methodology.sources')}>
                        {rule.sources.map((s) => (
                          <li key={s.id}>
                            {s.url ? (
                              <a href={s.url} target="_blank" rel="noopener noreferrer">
                                {s.title}
                              </a>
                            ) : (
                              s.title
                            )}
                          </li>
                        ))}
                      </ul>
                    )}
                  </section>
                ))}
            </Group>
          ))}
        </article>
      )}
    </Loaded>
  );
}
