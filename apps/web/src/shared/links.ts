/** Pages of the web app a link may name (reminders link to them; see webPath in @sro/reminders). */
const WEB_PAGES =
  /^\/(aufgaben|prozesse|vereinbarungen|faelle|beratungen|interviews|wiedervorlagen|fristen|posteingang|entscheidungen|gremien|traegerverbuende)(\/|$)/;

/** The page a notification links to; notifications stored before links named pages point at API resources. */
export function pageForLink(link: string | null): string | null {
  if (!link) return null;
  if (WEB_PAGES.test(link)) return link;
  const process = link.match(/^\/sozialraum-processes\/([0-9a-f-]{36})/);
  if (process) return `/prozesse/${process[1]}`;
  if (link.startsWith('/interview-cycles/')) return '/interviews';
  if (link.startsWith('/cooperation-agreements')) return '/vereinbarungen';
  return null;
}
