import { FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { client, Schemas, unwrap } from '../api';
import type { operations } from '../api/schema.gen';
import { useMe } from '../auth/session';
import { Column, DataTable, Sort } from '../shared/DataTable';
import { ZONES, zoneLabel } from '../shared/labels';
import { PageTitle } from '../shared/Page';
import { ErrorBox, formatDate, SelectField, TextField, useLoad } from '../shared/ui';
import { useSocialSpaceNames } from './CasePages';

type CaseSummary = Schemas['CaseSummaryDto'];
type CaseQuery = NonNullable<operations['CasesController_list']['parameters']['query']>;
type CaseSort = NonNullable<CaseQuery['sort']>;

const PAGE_SIZE = 20;
const STATUSES = [
  { value: 'open', label: 'offen' },
  { value: 'closed', label: 'abgeschlossen' },
];
const EMPTY_FILTER = { search: '', zone: '', status: '', socialSpaceId: '', followUpsDue: false };

const sortOf = (sort: Sort): CaseSort => `${sort.direction === 'desc' ? '-' : ''}${sort.key}` as CaseSort;

/**
 * The case list: search (names, birth dates, pseudonyms through the API's blind index), filters,
 * sorting and paging. Cases of the caller's social spaces outside their reach are listed only with
 * pseudonym and responsible caseworker, so they know whom to ask.
 */
export function CasesPage() {
  const [typed, setTyped] = useState(EMPTY_FILTER);
  const [filter, setFilter] = useState(EMPTY_FILTER);
  const [sort, setSort] = useState<Sort>({ key: 'createdAt', direction: 'desc' });
  const [offset, setOffset] = useState(0);
  const me = useMe();
  const { names } = useSocialSpaceNames();
  const spaces = me.socialSpaceIds.filter((id) => names.has(id)).map((id) => ({ value: id, label: names.get(id)! }));
  const cases = useLoad(
    () =>
      unwrap(
        client.GET('/cases', {
          params: {
            query: {
              limit: PAGE_SIZE,
              offset,
              sort: sortOf(sort),
              ...(filter.search.trim() ? { search: filter.search.trim() } : {}),
              ...(filter.zone ? { zone: filter.zone as NonNullable<CaseQuery['zone']> } : {}),
              ...(filter.status ? { status: filter.status as NonNullable<CaseQuery['status']> } : {}),
              ...(filter.socialSpaceId ? { socialSpaceId: filter.socialSpaceId } : {}),
              ...(filter.followUpsDue ? { followUpsDue: true } : {}),
            },
          },
        }),
      ),
    [offset, JSON.stringify(filter), sort.key, sort.direction],
  );
  const filtered = JSON.stringify(filter) !== JSON.stringify(EMPTY_FILTER);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setOffset(0);
    setFilter(typed);
  };
  const reset = () => {
    setTyped(EMPTY_FILTER);
    setFilter(EMPTY_FILTER);
    setOffset(0);
  };

  const columns: Array<Column<CaseSummary>> = [
    {
      key: 'pseudonym',
      header: 'Pseudonym',
      sortable: true,
      render: (c) => (c.access ? <Link to={`/faelle/${c.id}`}>{c.pseudonym}</Link> : c.pseudonym),
    },
    {
      key: 'familyName',
      header: 'Familie',
      render: (c) => (c.access ? (c.familyName ?? '–') : <span className="muted">nicht in Ihrem Fallteam</span>),
    },
    { key: 'zone', header: 'Bereich', render: (c) => (c.access ? zoneLabel(c.zone) : '–') },
    { key: 'socialSpace', header: 'Sozialraum', render: (c) => names.get(c.socialSpaceId) ?? '–' },
    {
      key: 'responsible',
      header: 'Fallverantwortlich',
      render: (c) => (
        <>
          {c.responsibleCaseworkerName ?? c.responsibleCaseworkerId}
          {!c.access && <span className="muted"> (bitte dort nachfragen)</span>}
        </>
      ),
    },
    { key: 'createdAt', header: 'Angelegt', sortable: true, render: (c) => formatDate(c.createdAt) },
  ];

  return (
    <>
      <PageTitle>Meine Fälle</PageTitle>
      <p>
        <Link to="/faelle/neu" className="button">
          Neuen Fall anlegen
        </Link>
      </p>
      <form onSubmit={apply} className="filters" role="search" aria-label="Fälle suchen">
        <TextField
          label="Suche"
          hint="Name, Geburtsdatum (TT.MM.JJJJ) oder Pseudonym"
          value={typed.search}
          onChange={(search) => setTyped((t) => ({ ...t, search }))}
        />
        <SelectField
          label="Bereich"
          value={typed.zone}
          onChange={(zone) => setTyped((t) => ({ ...t, zone }))}
          placeholder="alle Bereiche"
          options={ZONES}
        />
        <SelectField
          label="Stand"
          value={typed.status}
          onChange={(status) => setTyped((t) => ({ ...t, status }))}
          placeholder="offen und abgeschlossen"
          options={STATUSES}
        />
        {spaces.length > 1 && (
          <SelectField
            label="Sozialraum"
            value={typed.socialSpaceId}
            onChange={(socialSpaceId) => setTyped((t) => ({ ...t, socialSpaceId }))}
            placeholder="alle Sozialräume"
            options={spaces}
          />
        )}
        <label className="check field">
          <input
            type="checkbox"
            checked={typed.followUpsDue}
            onChange={(e) => setTyped((t) => ({ ...t, followUpsDue: e.target.checked }))}
          />{' '}
          nur mit fälliger Wiedervorlage
        </label>
        <button type="submit">Suchen</button>
        {filtered && (
          <button type="button" className="secondary" onClick={reset}>
            Suche zurücksetzen
          </button>
        )}
      </form>
      {cases.error ? (
        <ErrorBox error={cases.error} />
      ) : (
        <>
          {cases.data && (
            <p role="status">{`${cases.data.total} ${cases.data.total === 1 ? 'Fall' : 'Fälle'}${filtered ? ' gefunden' : ''}.`}</p>
          )}
          <DataTable
            caption="Fälle"
            captionHidden
            columns={columns}
            rows={cases.data?.items}
            rowKey={(c) => c.id}
            loading={cases.loading}
            empty={filtered ? 'Keine Fälle gefunden. Bitte prüfen Sie Suchbegriff und Filter.' : 'Sie haben noch keine Fälle.'}
            sort={sort}
            onSort={(next) => {
              setSort(next);
              setOffset(0);
            }}
            paging={cases.data ? { total: cases.data.total, limit: PAGE_SIZE, offset, onChange: setOffset } : undefined}
          />
        </>
      )}
    </>
  );
}
