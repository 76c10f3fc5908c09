import { createContext, useContext } from 'react';

export type Role = 'caseworker' | 'coordinator' | 'admin' | 'adviser' | 'approver';

export interface Me {
  sub: string;
  roles: Role[];
  displayName: string;
  planningRegionIds: string[];
  socialSpaceIds: string[];
}

export const ROLE_LABELS: Record<Role, string> = {
  caseworker: 'Fachkraft (ASD)',
  coordinator: 'Koordination',
  admin: 'Administration',
  adviser: 'Externe Beratung',
  approver: 'Freigabe',
};

export const MeContext = createContext<Me | null>(null);

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('no session');
  return me;
}

export const hasRole = (me: Me, ...roles: Role[]) => me.roles.some((r) => roles.includes(r));
