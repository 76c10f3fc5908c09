/**
 * Pages of the web app (German paths it serves) for the things reminders are about. Workflows put
 * the thing's API resource into a reminder's context (`/cooperation-agreements/<id>`); a person
 * opens a page, and an API path opened in a browser answers 401 problem+json. Rendering maps it here,
 * so in-app notifications, follow-ups and e-mails (after `APP_BASE_URL`) all link to the page.
 */
const ID = '([0-9A-Za-z-]{1,64})';
const API_TO_WEB: Array<[RegExp, (...ids: string[]) => string]> = [
  [new RegExp(`^/cooperation-agreements/${ID}(?:/.*)?$`), (id) => `/vereinbarungen/${id}`],
  [new RegExp(`^/sozialraum-processes/${ID}(?:/.*)?$`), (id) => `/prozesse/${id}`],
  [new RegExp(`^/jugendhilfedienst-cases/${ID}(?:/.*)?$`), (id) => `/faelle/${id}`],
  [new RegExp(`^/cases/${ID}(?:/.*)?$`), (id) => `/faelle/${id}`],
  [new RegExp(`^/consultations/${ID}(?:/.*)?$`), (id) => `/beratungen/${id}`],
  [new RegExp(`^/meetings/${ID}(?:/.*)?$`), (id) => `/gremien/sitzungen/${id}`],
  [new RegExp(`^/interview-cycles/${ID}/interviews/${ID}(?:/.*)?$`), (cycle, partner) => `/interviews/${cycle}/${partner}`],
  [new RegExp(`^/interview-cycles/${ID}(?:/.*)?$`), () => '/interviews'],
];

/** The web app's page for a link of a reminder's context; a link that is already a page stays as it is. */
export function webPath(link: string): string {
  for (const [pattern, page] of API_TO_WEB) {
    const match = pattern.exec(link);
    if (match) return page(...match.slice(1));
  }
  return link;
}
