import { ReactNode, useMemo, useState } from 'react';
import { Pager } from './ui';

export type Column<T> = {
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  /** Makes the column sortable: by this value on the client, or by `key` on the server (`onSort`). */
  sortValue?: (row: T) => string | number | null | undefined;
  sortable?: boolean;
  /** Right-aligned numbers. */
  numeric?: boolean;
};

export type Sort = { key: string; direction: 'asc' | 'desc' };

const collator = new Intl.Collator('de-DE', { numeric: true, sensitivity: 'base' });

function compare(a: string | number | null | undefined, b: string | number | null | undefined): number {
  if (a === b) return 0;
  if (a === null || a === undefined || a === '') return 1;
  if (b === null || b === undefined || b === '') return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
}

/**
 * The shared table: a caption, sortable headers (`aria-sort`), loading and empty states, paging.
 * Below 640 px every row becomes a card whose cells carry their column's header (CSS, `data-label`).
 * Sorting is on the client unless `onSort` is given (then the server sorts and `sort` is the state).
 */
export function DataTable<T>(props: {
  caption: string;
  columns: Array<Column<T>>;
  rows: T[] | undefined;
  rowKey: (row: T) => string;
  loading?: boolean;
  empty: ReactNode;
  sort?: Sort;
  onSort?: (sort: Sort) => void;
  initialSort?: Sort;
  paging?: { total: number; limit: number; offset: number; onChange: (offset: number) => void };
  /** Visually hide the caption (when a heading right above says the same). */
  captionHidden?: boolean;
}) {
  const [localSort, setLocalSort] = useState<Sort | undefined>(props.initialSort);
  const sort = props.onSort ? props.sort : localSort;
  const rows = useMemo(() => {
    const list = props.rows ?? [];
    if (props.onSort || !sort) return list;
    const column = props.columns.find((c) => c.key === sort.key);
    if (!column?.sortValue) return list;
    const sorted = [...list].sort((a, b) => compare(column.sortValue!(a), column.sortValue!(b)));
    return sort.direction === 'desc' ? sorted.reverse() : sorted;
  }, [props.rows, props.columns, props.onSort, sort]);

  const toggle = (key: string) => {
    const next: Sort = { key, direction: sort?.key === key && sort.direction === 'asc' ? 'desc' : 'asc' };
    if (props.onSort) props.onSort(next);
    else setLocalSort(next);
  };

  return (
    <div className="data-table">
      <table aria-busy={props.loading || undefined}>
        <caption className={props.captionHidden ? 'visually-hidden' : undefined}>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c) => {
              const sortable = c.sortable ?? !!c.sortValue;
              const active = sort?.key === c.key;
              return (
                <th
                  key={c.key}
                  scope="col"
                  className={c.numeric ? 'numeric' : undefined}
                  aria-sort={active ? (sort!.direction === 'asc' ? 'ascending' : 'descending') : sortable ? 'none' : undefined}
                >
                  {sortable ? (
                    <button type="button" className="sort-button" onClick={() => toggle(c.key)}>
                      {c.header}
                      <span aria-hidden="true">{active ? (sort!.direction === 'asc' ? ' ▲' : ' ▼') : ' ⇅'}</span>
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {props.loading && !props.rows ? (
            <tr>
              <td colSpan={props.columns.length} role="status">
                Wird geladen …
              </td>
            </tr>
          ) : rows.length === 0 ? (
            <tr>
              <td colSpan={props.columns.length} className="empty">
                {props.empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={props.rowKey(row)}>
                {props.columns.map((c) => (
                  <td key={c.key} data-label={c.header} className={c.numeric ? 'numeric' : undefined}>
                    {c.render(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
      {props.paging && <Pager {...props.paging} />}
    </div>
  );
}
