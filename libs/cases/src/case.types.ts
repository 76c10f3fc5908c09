export const CASE_ZONES = ['service', 'unclear', 'endangerment'] as const;
export type CaseZone = (typeof CASE_ZONES)[number];

/** Identity fields a consent can release to external advisers. */
export const RELEASABLE_FIELDS = ['familyName', 'givenNames', 'birthDates', 'address', 'familyMembers'] as const;
export type ReleasableField = (typeof RELEASABLE_FIELDS)[number];

/** Relations of a family member as the case file offers them; `andere` asks for the relation in free text. */
export const FAMILY_RELATIONS = [
  'Mutter',
  'Vater',
  'Kind',
  'Geschwister',
  'Großmutter',
  'Großvater',
  'Stiefmutter',
  'Stiefvater',
  'Pflegemutter',
  'Pflegevater',
  'Tante',
  'Onkel',
  'Vormund',
  'andere',
] as const;
export type FamilyRelation = (typeof FAMILY_RELATIONS)[number];

/** A member of the family (sealed with the personal data). Older cases may carry only relation and name. */
export interface FamilyMember {
  relation: string;
  /** The relation in free text when `relation` is `andere`. */
  relationOther?: string;
  name: string;
  /** `YYYY-MM-DD`, when known. */
  birthDate?: string;
  livesInHousehold?: boolean;
}

/** Personal data of a case: encrypted at rest, never in a workflow, log or queue. */
export interface PersonalData {
  familyName: string;
  givenNames: string[];
  birthDates: string[];
  address: string;
  familyMembers: FamilyMember[];
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
