// A page in a list: its institution's name linking to the card and, for a page in another network than VK, which
// one, as an institution's VK, OK and MAX pages are rows of their own (two rows of one name read as a duplicate).
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

type Page = {
  id: number;
  url: string;
  platform: string;
  institution: { shortName: string | null; fullName: string } | null;
};

export function PageName({ page }: { page: Page }) {
  const { t } = useTranslation();
  return (
    <>
      <Link to={`/pages/${page.id}`}>
        {page.institution?.shortName ?? page.institution?.fullName ?? page.url}
      </Link>
      {page.platform !== 'vk' && (
        <span className="muted">
          {' '}
          · {t(`netCard.network.${page.platform}`, { defaultValue: page.platform })}
        </span>
      )}
    </>
  );
}
