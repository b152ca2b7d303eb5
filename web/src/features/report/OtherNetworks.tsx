// The institution's pages on the other networks (VK, OK, MAX), each a link to its own report card.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiUrl } from '../../lib/client.ts';
import { useApi } from '../../lib/queries.ts';

export function OtherNetworks({ institutionId, pageId }: { institutionId: number; pageId: number }) {
  const { t } = useTranslation();
  const institution = useApi(apiUrl('GET /api/institutions/:id', { params: { id: institutionId } }));
  const others = (institution.data?.pages ?? []).filter((p) => p.id !== pageId);
  if (others.length === 0) return null;
  return (
    <p className="muted" data-testid="other-networks">
      {t('netCard.otherNetworks')}:{' '}
      {others.map((p, i) => (
        <span key={p.id}>
          {i > 0 && ' · '}
          <Link to={`/pages/${p.id}`} data-testid={`network-card-${p.platform}`}>
            {t(`netCard.network.${p.platform}`)}
          </Link>
        </span>
      ))}
    </p>
  );
}
