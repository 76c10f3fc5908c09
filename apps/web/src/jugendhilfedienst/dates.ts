// Dates of the help plan: a review falls a German duration ("3 Monate") after a date.

/** An ISO date plus an ISO duration ("P3M"); null when either cannot be read. */
export function addDuration(isoDate: string, duration: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const p = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(duration);
  if (!d || !p) return null;
  const date = new Date(Date.UTC(Number(d[1]) + Number(p[1] ?? 0), Number(d[2]) - 1 + Number(p[2] ?? 0), Number(d[3])));
  date.setUTCDate(date.getUTCDate() + 7 * Number(p[3] ?? 0) + Number(p[4] ?? 0));
  return date.toISOString().slice(0, 10);
}
