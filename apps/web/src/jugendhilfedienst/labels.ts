/** German words for the Jugendhilfedienst's enumerations (the API's values as keys). */
export const JHD_PHASES: Record<string, string> = {
  classification: 'Einordnung',
  risk_assessment: 'Gefährdungseinschätzung (§ 8a)',
  immediate_protection: 'Sofortschutz',
  fallteam: 'Fallteam',
  help_plan: 'Hilfeplanung',
  help: 'Hilfe läuft',
  closure: 'Abschluss',
  closed: 'abgeschlossen',
};

export const RISK_RESULTS = [
  { value: 'acute', label: 'Akute Gefährdung' },
  { value: 'latent', label: 'Latente Gefährdung' },
  { value: 'help_needed', label: 'Keine Gefährdung, aber Hilfebedarf' },
  { value: 'none', label: 'Weder Gefährdung noch Hilfebedarf' },
];

export const DANGER_KINDS = [
  { value: 'neglect', label: 'Vernachlässigung' },
  { value: 'physical_abuse', label: 'Körperliche Misshandlung' },
  { value: 'psychological_abuse', label: 'Psychische Misshandlung' },
  { value: 'sexual_violence', label: 'Sexuelle Gewalt' },
];

export const HELP_KINDS = [
  { value: 'family_support', label: 'Förderung der Erziehung in der Familie (§§ 16–18)' },
  { value: 'educational_assistance', label: 'Hilfe zur Erziehung (§§ 27–35)' },
  { value: 'integration_assistance', label: 'Eingliederungshilfe (§ 35a)' },
  { value: 'protective_custody', label: 'Inobhutnahme (§ 42)' },
  { value: 'other', label: 'Andere Hilfe' },
];

export const SEXES = [
  { value: 'female', label: 'weiblich' },
  { value: 'male', label: 'männlich' },
  { value: 'diverse', label: 'divers' },
  { value: 'unknown', label: 'unbekannt' },
];

export const PROTECTION_MEASURES = [
  { value: 'protective_custody', label: 'Inobhutnahme (§ 42 SGB VIII)' },
  { value: 'family_court', label: 'Anrufung des Familiengerichts (§ 8a Abs. 2 SGB VIII)' },
  { value: 'other', label: 'Andere Maßnahme (mit Begründung)' },
];

export const CASE_SOURCES = [
  { value: 'police_court', label: 'Polizei / Gericht' },
  { value: 'school', label: 'Schule' },
  { value: 'kita', label: 'Kita' },
  { value: 'health_service', label: 'Gesundheitswesen' },
  { value: 'social_services', label: 'Soziale Dienste' },
  { value: 'relatives', label: 'Verwandte' },
  { value: 'neighbours', label: 'Nachbarschaft' },
  { value: 'parents', label: 'Eltern' },
  { value: 'child_self', label: 'Kind / Jugendliche*r selbst' },
  { value: 'anonymous', label: 'Anonyme Meldung' },
  { value: 'other', label: 'Andere' },
];

export const TIME_KINDS = [
  { value: 'case', label: 'Fallarbeit' },
  { value: 'preventive', label: 'Fallunspezifische Sozialraumarbeit' },
  { value: 'other', label: 'Sonstiges' },
];

export const YES_NO = [
  { value: 'true', label: 'ja' },
  { value: 'false', label: 'nein' },
];

export const labelOf = (list: Array<{ value: string; label: string }>, value: string | null | undefined) =>
  list.find((x) => x.value === value)?.label ?? value ?? '–';
