// The flagged posts of the pages and users' comments on them, each flag dismissable as false.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Group } from '@vkontakte/vkui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type {
  FlaggedTextView as FlaggedText,
  SafetyFlagView as SafetyFlag,
} from '../../../../src/inbox/inbox.contract.ts';
import { Empty, Loaded } from '../../components/StateView.tsx';
import { apiUrl, callApi } from '../../lib/client.ts';
import { useApi } from '../../lib/queries.ts';
import { FlagList, Highlighted } from './Flags.tsx';

/** Flagged posts of the pages and users' comments on them, each flag dismissable as false. */
export function FlaggedTexts({ canAnswer, pageId }: { canAnswer: boolean; pageId: string | null }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const url = apiUrl('GET /api/inbox/flags', { query: { pageId: pageId ?? undefined } });
  const list = useApi(url);
  const dismiss = useMutation({
    mutationFn: ({ item, flag }: { item: FlaggedText; flag: SafetyFlag }) =>
      callApi('POST /api/inbox/flags/dismiss', {
        body: {
          pageId: item.pageId,
          targetType: item.target,
          vkId: item.vkId,
          kind: flag.kind,
          text: flag.text,
        },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: [url] }),
  });
  return (
    <Group>
      <Loaded query={list} minHeight={300}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty />
          ) : (
            <ul className="inbox" data-testid="flag-list">
              {data.items.map((item) => (
                <li key={`${item.target}:${item.pageId}:${item.vkId}`} className="inbox-item">
                  <div className="inbox-head">
                    <Link to={`/pages/${item.pageId}`}>{item.institution ?? item.pageId}</Link>
                    <span className="badge">{t(`inbox.target.${item.target}`)}</span>
                    <span className="muted">
                      {t('inbox.visible', { hours: Math.round(item.visibleHours) })}
                    </span>
                  </div>
                  <p className="inbox-text">
                    <Highlighted text={item.text} flags={item.flags} />
                  </p>
                  <FlagList
                    flags={item.flags}
                    onDismiss={canAnswer ? (flag) => dismiss.mutate({ item, flag }) : null}
                  />
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </Group>
  );
}
