import { createContext, useContext } from 'react';
import type { Schemas } from '../api';

/** The signed-in person as `GET /me` describes them. */
export type Me = Schemas['CurrentUserDto'];
export type Role = Me['roles'][number];

export const ROLE_LABELS: Record<Role, string> = {
  caseworker: 'Fachkraft (ASD)',
  lead: 'Leitung',
  statistics: 'Statistik',
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
