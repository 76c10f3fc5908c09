import { useState } from 'react';
import { client, Schemas, unwrap } from '../api';
import { Loaded, SelectField, useLoad } from '../shared/ui';
import { PageTitle } from '../shared/Page';

export type PlanningRegion = Schemas['PlanningRegionDto'];
type Agreement = Schemas['AgreementDto'];

const AGREEMENT_STATUS: Record<string, string> = {
  draft: 'Entwurf',
  in_approval: 'In Abstimmung',
  approved: 'Genehmigt, noch nicht in Kraft',
  active: 'Gültig',
  expired: 'Abgelaufen',
  terminated: 'Beendet',
};
const AGREEMENT_KIND: Record<string, string> = {
  cooperation: 'Kooperationsvereinbarung',
  three_party: 'Dreiseitiger Vertrag',
  social_space_contract: 'Sozialraumvertrag',
};

/** Cooperation agreements, by default those waiting for decisions. */
export function AgreementsPage() {
  const [status, setStatus] = useState('in_approval');
  const list = useLoad(
    () =>
      unwrap(
        client.GET('/cooperation-agreements', {
          params: { query: { status: (status || undefined) as Agreement['status'] | undefined, limit: 100 } },
        }),
      ),
    [status],
  );
  return (
    <>
      <PageTitle>Kooperationsvereinbarungen</PageTitle>
      <SelectField
        label="Status"
        value={status}
        placeholder="Alle"
        options={Object.entries(AGREEMENT_STATUS).map(([value, label]) => ({ value, label }))}
        onChange={setStatus}
      />
      <Loaded state={list}>
        {(page) =>
          page.items.length === 0 ? (
            <p>Keine Vereinbarungen mit diesem Status.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Aktenzeichen</th>
                  <th scope="col">Titel</th>
                  <th scope="col">Art</th>
                  <th scope="col">Status</th>
                  <th scope="col">Version</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((a) => (
                  <tr key={a.id}>
                    <td>{a.reference}</td>
                    <td>{a.title}</td>
                    <td>{AGREEMENT_KIND[a.kind] ?? a.kind}</td>
                    <td>{AGREEMENT_STATUS[a.status] ?? a.status}</td>
                    <td>{a.latestVersion}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </>
  );
}
