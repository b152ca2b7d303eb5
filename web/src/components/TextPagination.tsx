// VKUI's pagination with its screen-reader labels in the interface's language (VKUI's own are Russian only).
import { Pagination, type PaginationProps } from '@vkontakte/vkui';
import { useTranslation } from 'react-i18next';

export function TextPagination(props: PaginationProps) {
  const { t } = useTranslation();
  return (
    <Pagination
      navigationLabel={t('nav.paging.label')}
      prevButtonLabel={t('nav.paging.prev')}
      nextButtonLabel={t('nav.paging.next')}
      {...props}
    />
  );
}
