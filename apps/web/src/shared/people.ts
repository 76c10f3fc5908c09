import { useMemo } from 'react';
import { client, unwrap } from '../api';
import { useLoad } from '../shared/ui';

/**
 * The names of colleagues (active coordinators, caseworkers and approvers) whom coordinators and
 * caseworkers name; `nameOf` turns a user id into that name (the id itself when the caller may not
 * list colleagues).
 */
export function useColleagues() {
  const state = useLoad(() => unwrap(client.GET('/staff/colleagues')).catch(() => ({ items: [] })), []);
  const byId = useMemo(() => new Map((state.data?.items ?? []).map((u) => [u.id, u.displayName])), [state.data]);
  return { items: state.data?.items ?? [], nameOf: (id: string | null | undefined) => (id ? (byId.get(id) ?? id) : '–') };
}
