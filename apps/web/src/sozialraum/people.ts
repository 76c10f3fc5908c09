import { useMemo } from 'react';
import { client, unwrap } from '../api';
import { useLoad } from '../shared/ui';

/**
 * The names of colleagues (coordinators and caseworkers) a coordinator may name; `nameOf` turns a
 * user id into that name (the id itself when the caller may not list colleagues).
 */
export function useColleagues() {
  const state = useLoad(() => unwrap(client.GET('/staff/colleagues')).catch(() => ({ items: [] })), []);
  const byId = useMemo(() => new Map((state.data?.items ?? []).map((u) => [u.id, u.displayName])), [state.data]);
  return { items: state.data?.items ?? [], nameOf: (id: string | null | undefined) => (id ? (byId.get(id) ?? id) : '–') };
}

/** Euro as typed in Germany ("1.500,50", "1500", "1500,5 €") → cents; null when it is no amount. */
export function centsOf(text: string): number | null {
  const cleaned = text.replace(/€/g, '').replace(/\s/g, '').replace(/\./g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}

/** Cents → "1.500,00" for an input. */
export const euroText = (cents: number | null | undefined) =>
  cents === null || cents === undefined
    ? ''
    : (cents / 100).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
