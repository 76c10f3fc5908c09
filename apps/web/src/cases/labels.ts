/** German names of the fields the history names (never values). */
const FIELD_LABELS: Record<string, string> = {
  zone: 'Bereich',
  will: 'Wille',
  goals: 'Ziele',
  resources: 'Ressourcen',
  'resources.person': 'Ressourcen der Person',
  'resources.surroundings': 'Ressourcen des Umfelds',
  'resources.socialSpace': 'Ressourcen des Sozialraums',
  personal: 'Persönliche Daten',
  'personal.familyName': 'Familienname',
  'personal.givenNames': 'Vornamen',
  'personal.birthDates': 'Geburtsdaten',
  'personal.address': 'Anschrift',
  'personal.familyMembers': 'Familienmitglieder',
  confided: 'Anvertraute Angaben',
  deletionDate: 'Löschdatum',
  packet: 'Beratungspaket',
  questions: 'Fragen an das Fallteam',
};
export const fieldLabel = (field: string) => FIELD_LABELS[field] ?? field;
