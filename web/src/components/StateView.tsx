// Loading, empty, error and not-found states, the same everywhere; loading keeps the space it will fill.
import { Button, Placeholder, Spinner } from '@vkontakte/vkui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api.ts';
import { errorText, retryable } from '../lib/errors.ts';

export function Loading({ minHeight = 240 }: { minHeight?: number }) {
  const { t } = useTranslation();
  return (
    <div className="state" style={{ minHeight }} role="status" aria-live="polite">
      <Spinner size="m" />
      <span className="visually-hidden">{t('state.loading')}</span>
    </div>
  );
}

export function Empty({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return <Placeholder>{children ?? t('state.empty')}</Placeholder>;
}

export function Failed({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 404)
    return (
      <Placeholder title={t('state.notFound')} role="alert">
        {t('state.notFoundText')}
      </Placeholder>
    );
  return (
    <Placeholder
      title={t('state.error')}
      role="alert"
      action={retry && retryable(error) ? <Button onClick={retry}>{t('state.retry')}</Button> : undefined}
    >
      {errorText(error)}
    </Placeholder>
  );
}

/** Renders a query's data, or its loading or error state. */
export function Loaded<T>({
  query,
  children,
  minHeight,
}: {
  query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  children: (data: T) => ReactNode;
  minHeight?: number;
}) {
  if (query.isPending) return <Loading minHeight={minHeight} />;
  if (query.error || query.data === undefined)
    return <Failed error={query.error} retry={() => query.refetch()} />;
  return <>{children(query.data)}</>;
}
