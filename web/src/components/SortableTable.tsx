// A table whose columns sort by click or keyboard; the sort lives in the URL (?sort=col or ?sort=-col), so a
// sorted view can be shared.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

export type Column<T> = {
  id: string;
  title: string;
  value: (row: T) => string | number | null;
  render?: (row: T) => ReactNode;
  numeric?: boolean;
};

export function SortableTable<T>({
  rows,
  columns,
  rowKey,
  param = 'sort',
  caption,
}: {
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  param?: string;
  caption: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const sort = search.get(param) ?? '';
  const desc = sort.startsWith('-');
  const column = columns.find((c) => c.id === sort.replace(/^-/, ''));
  const sorted = column
    ? [...rows].sort((a, b) => {
        const x = column.value(a);
        const y = column.value(b);
        if (x === y) return 0;
        if (x === null) return 1;
        if (y === null) return -1;
        return (x < y ? -1 : 1) * (desc ? -1 : 1);
      })
    : rows;
  const sortBy = (id: string) => {
    const next = new URLSearchParams(search);
    next.set(param, sort === id ? `-${id}` : id);
    setSearch(next, { replace: true });
  };
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const active = column?.id === c.id;
              return (
                <th
                  key={c.id}
                  scope="col"
                  className={c.numeric ? 'num' : undefined}
                  aria-sort={active ? (desc ? 'descending' : 'ascending') : 'none'}
                >
                  <button
                    type="button"
                    className="sort"
                    title={t('unit.sortBy')}
                    onClick={() => sortBy(c.id)}
                  >
                    {c.title}
                    <span aria-hidden="true">{active ? (desc ? ' ↓' : ' ↑') : ''}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td key={c.id} className={c.numeric ? 'num' : undefined}>
                  {c.render ? c.render(row) : (c.value(row) ?? '—')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
