export const CASE_ZONES = ['service', 'unclear', 'endangerment'] as const;
export type CaseZone = (typeof CASE_ZONES)[number];

/** Identity fields a consent can release to external advisers. */
export const RELEASABLE_FIELDS = ['familyName', 'givenNames', 'birthDates', 'address', 'familyMembers'] as const;
export type ReleasableField = (typeof RELEASABLE_FIELDS)[number];

/** Personal data of a case: encrypted at rest, never in a workflow, log or queue. */
export interface PersonalData {
  familyName: string;
  givenNames: string[];
  birthDates: string[];
  address: string;
  familyMembers: Array<{ relation: string; name: string }>;
}

export interface CaseContent {
  /** The family's will, in its own words. */
  will: string;
  goals: string[];
  resources: { person: string[]; surroundings: string[]; socialSpace: string[] };
}

/** A confided item (§ 65 SGB VIII): never leaves the case without consent. */
export interface ConfidedItem {
  id: string;
  text: string;
  /** Whom it was confided to; only they (and their substitute in period) read it. Absent on items from before: the responsible caseworker. */
  confidantId?: string;
  /** Released by the confidant to the case team (per item); never to advisers. */
  released?: boolean;
}

export const CONSENT_FORMS = ['written', 'oral_documented', 'electronic'] as const;
export type ConsentForm = (typeof CONSENT_FORMS)[number];

/** A consent (release from confidentiality) as a caseworker records it. */
export interface NewConsent {
  givenBy: string;
  purpose: string;
  fields: string[];
  form: ConsentForm;
  givenAt: string;
}
