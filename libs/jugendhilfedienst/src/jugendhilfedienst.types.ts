export { CASE_SOURCES, JHD_ZONES, PROTECTION_MEASURES, RISK_RESULTS } from '@sro/workflows/contracts';
export type { CaseSource, JhdZone, ProtectionMeasure, RiskResult } from '@sro/workflows/contracts';

/** Sex as the official statistics record it. */
export const SEXES = ['female', 'male', 'diverse', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

/** Kinds of danger of the § 8a statistics (several may apply). */
export const DANGER_KINDS = ['neglect', 'physical_abuse', 'psychological_abuse', 'sexual_violence'] as const;
export type DangerKind = (typeof DANGER_KINDS)[number];

/**
 * Kinds of help, existing before the assessment or newly started: §§ 16–18 (family support),
 * §§ 27–35 (Hilfe zur Erziehung), § 35a (integration assistance), § 42 (Inobhutnahme), other.
 */
export const HELP_KINDS = ['family_support', 'educational_assistance', 'integration_assistance', 'protective_custody', 'other'] as const;
export type HelpKind = (typeof HELP_KINDS)[number];

/** Age groups of the statistics (completed years at the assessment). */
export const AGE_GROUPS = ['0-2', '3-5', '6-8', '9-11', '12-13', '14-15', '16-17', '18+', 'unknown'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** Staff time: case work, preventive non-case social-space work (fallunspezifisch), other. */
export const TIME_KINDS = ['case', 'preventive', 'other'] as const;
export type TimeKind = (typeof TIME_KINDS)[number];

/** One professional who took part in a risk assessment: a staff user or an external (e.g. insoweit erfahrene Fachkraft). */
export interface AssessmentProfessional {
  userId?: string;
  function: string;
}
