// Where the user is, from the country down: each step a link back up.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** `name`: the label is a proper name shown as written (a municipality has no English name). */
export function Breadcrumbs({ items }: { items: { label: string; to?: string; name?: boolean }[] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('nav.breadcrumbs')} className="breadcrumbs">
      <ol>
        {items.map((item, i) => (
          <li key={`${item.to ?? ''}|${item.label}`} translate={item.name ? 'no' : undefined}>
            {item.to && i < items.length - 1 ? (
              <Link to={item.to}>{item.label}</Link>
            ) : (
              <span aria-current="page">{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
