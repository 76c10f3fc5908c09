// German names for the parts of a workflow definition, shared by the editor and the diff.
import { germanDuration } from '../shared/german';

export type Json = unknown;
export const isObject = (v: Json): v is Record<string, Json> => !!v && typeof v === 'object' && !Array.isArray(v);

export const FIELD_LABELS: Record<string, string> = {
  key: 'Schlüssel',
  title: 'Titel',
  text: 'Text',
  type: 'Typ',
  duration: 'Dauer',
  reminderOffsets: 'Erinnerungen vor Fälligkeit',
  escalationRole: 'Eskalation an Rolle',
  deliverables: 'Nachweise',
  required: 'Pflicht',
  checklist: 'Checkliste',
  phases: 'Phasen',
  steps: 'Schritte',
  constraints: 'Einschränkungen',
  minItems: 'Mindestens Einträge',
  maxItems: 'Höchstens Einträge',
  maxLength: 'Höchstens Zeichen',
  analysisQuestions: 'Leitfragen der Sozialraumanalyse',
  conferenceInterval: 'Abstand der Sozialraumkonferenzen',
  conferenceReminderOffsets: 'Erinnerungen vor Konferenzen',
  measureReviewInterval: 'Abstand der Maßnahmenprüfung',
  annualBudgetCents: 'Jährliches Sozialraumbudget (Cent)',
  minProfessionals: 'Mindestzahl Fachkräfte',
  packetOpensBefore: 'Fallvorstellung für Beratende offen ab … vor der Sitzung',
  packetClosesAfter: 'Fallvorstellung für Beratende offen bis … nach der Sitzung',
  followUpAfter: 'Wiedervorlage nach',
  followUpReminderOffsets: 'Erinnerungen vor der Wiedervorlage',
  pseudonymisePacket: 'Fallvorstellung pseudonymisieren',
  consentPurposes: 'Zwecke von Einwilligungen',
  retentionAfterClosure: 'Aufbewahrung nach Abschluss',
  retentionAfterClosureWithoutHelp: 'Aufbewahrung nach Abschluss ohne Hilfe',
  cycleInterval: 'Abstand der Interviewzyklen',
  questionnaire: 'Fragebogen',
  version: 'Version des Fragebogens',
  sections: 'Abschnitte',
  perspective: 'Zielperspektive',
  questions: 'Fragen',
  options: 'Antwortmöglichkeiten',
  approvalStages: 'Freigabestufen',
  mode: 'Ablauf',
  quorum: 'Nötige Zustimmungen',
  optional: 'Nur auf Wunsch',
  committee: 'Ausschussbeschluss (Beschlussnummer und -datum)',
  parties: 'Parteien',
  kind: 'Art',
  whenPresent: 'Stimmt nur zu, wenn Vertragspartei',
  renewalLeadTime: 'Verlängerung anstoßen vor Ablauf',
  renewalReminderOffsets: 'Erinnerungen vor Ablauf',
  revisionRestarts: 'Nach Überarbeitung',
  riskAssessmentMinProfessionals: 'Mindestzahl Fachkräfte für die § 8a-Einschätzung',
  fallteamThreshold: 'Ins Fallteam ab erwarteter Hilfedauer',
  helpPlanReviewInterval: 'Abstand der Hilfeplanüberprüfung',
  helpPlanReviewReminderOffsets: 'Erinnerungen vor der Hilfeplanüberprüfung',
  preventiveShareTarget: 'Zielanteil fallunspezifischer Arbeit (0,1 = 10 %)',
};
export const labelOf = (key: string) => FIELD_LABELS[key] ?? key;

/** The singular of a list's entries: "Phase 2", "Nachweis 1". */
export const ITEM_LABELS: Record<string, string> = {
  phases: 'Phase',
  steps: 'Schritt',
  deliverables: 'Nachweis',
  analysisQuestions: 'Leitfrage',
  sections: 'Abschnitt',
  questions: 'Frage',
  approvalStages: 'Freigabestufe',
  parties: 'Partei',
};

export const DURATION_FIELDS = new Set([
  'duration',
  'conferenceInterval',
  'measureReviewInterval',
  'packetOpensBefore',
  'packetClosesAfter',
  'followUpAfter',
  'retentionAfterClosure',
  'retentionAfterClosureWithoutHelp',
  'cycleInterval',
  'renewalLeadTime',
  'fallteamThreshold',
  'helpPlanReviewInterval',
]);
export const isDurationList = (name: string) => /reminderOffsets$/i.test(name);

export const ROLE_OPTIONS = [
  { value: 'caseworker', label: 'Fachkraft (ASD)' },
  { value: 'lead', label: 'Leitung' },
  { value: 'coordinator', label: 'Koordination' },
  { value: 'admin', label: 'Administration' },
  { value: 'approver', label: 'Freigabe' },
];

const DELIVERABLE_TYPES = [
  { value: 'text', label: 'Text' },
  { value: 'document', label: 'Dokument' },
  { value: 'date', label: 'Datum' },
  { value: 'number', label: 'Zahl' },
  { value: 'boolean', label: 'Ja/Nein' },
  { value: 'list', label: 'Liste' },
  { value: 'boundaries', label: 'Abgrenzung des Sozialraums' },
  { value: 'analysis', label: 'Sozialraumanalyse' },
  { value: 'events', label: 'Veranstaltungen' },
  { value: 'goals', label: 'Ziele' },
  { value: 'measures', label: 'Maßnahmen' },
  { value: 'monitoring', label: 'Umsetzungsbegleitung' },
];
const QUESTION_TYPES = [
  { value: 'scale', label: 'Skala 1–5' },
  { value: 'yes_no', label: 'Ja/Nein' },
  { value: 'single_choice', label: 'Einfachauswahl' },
  { value: 'multiple_choice', label: 'Mehrfachauswahl' },
  { value: 'free_text', label: 'Freitext' },
];

/** The choices of an enumerated field; `list` is the list the field's object belongs to. */
export function enumOptions(name: string, list: string | undefined): Array<{ value: string; label: string }> | null {
  switch (name) {
    case 'escalationRole':
      return ROLE_OPTIONS;
    case 'type':
      return list === 'questions' ? QUESTION_TYPES : DELIVERABLE_TYPES;
    case 'mode':
      return [
        { value: 'parallel', label: 'alle gleichzeitig' },
        { value: 'sequential', label: 'nacheinander' },
      ];
    case 'kind':
      return [
        { value: 'municipality', label: 'Stadt/Gemeinde' },
        { value: 'free_provider', label: 'Freier Träger' },
        { value: 'landkreis', label: 'Landkreis' },
        { value: 'youth_welfare_committee', label: 'Jugendhilfeausschuss' },
      ];
    case 'perspective':
      return [
        { value: 'children_youth', label: 'Kinder und Jugendliche' },
        { value: 'parents', label: 'Eltern' },
        { value: 'professionals', label: 'Fachkräfte' },
        { value: 'community', label: 'Gemeinwesen' },
      ];
    case 'revisionRestarts':
      return [
        { value: 'all', label: 'alle Stufen von vorn' },
        { value: 'from_rejected_stage', label: 'ab der ablehnenden Stufe' },
      ];
    default:
      return null;
  }
}

/** A new, empty entry of a list (the editor's "add"). */
export function newItem(list: string): Json {
  switch (list) {
    case 'phases':
    case 'steps':
      return { key: '', title: '', duration: 'P1M', reminderOffsets: ['P7D'], escalationRole: 'coordinator', deliverables: [] };
    case 'deliverables':
      return { key: '', title: '', type: 'text', required: true };
    case 'analysisQuestions':
      return { key: '', text: '' };
    case 'sections':
      return { key: '', title: '', perspective: 'children_youth', questions: [] };
    case 'questions':
      return { key: '', text: '', type: 'scale', required: true };
    case 'approvalStages':
      return {
        key: '',
        title: '',
        mode: 'parallel',
        parties: [],
        quorum: 1,
        optional: false,
        committee: false,
        duration: 'P30D',
        reminderOffsets: ['P7D'],
        escalationRole: 'coordinator',
      };
    case 'parties':
      return { key: '', title: '', kind: 'municipality', whenPresent: true };
    default:
      return {};
  }
}

/** A key from a title: "Analyse des Raums" → "analyse-des-raums". */
export const keyOf = (title: string) =>
  title
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);

/** "Phase 2 „Analyse“" for the entry at `index` of `list`. */
export function itemName(list: string, index: number, item: Json): string {
  const name = `${ITEM_LABELS[list] ?? labelOf(list)} ${index + 1}`;
  const title = isObject(item) ? (item.title ?? item.text) : undefined;
  return typeof title === 'string' && title.trim() ? `${name} „${title.length > 60 ? `${title.slice(0, 57)}…` : title}“` : name;
}

/** Where a pointer lies, in words: "Phase 2 „Analyse“ › Dauer". */
export function describePointer(spec: Json, pointer: string): string {
  const parts = pointer.split('/').slice(1);
  const words: string[] = [];
  let value: Json = spec;
  let list = '';
  parts.forEach((part, i) => {
    if (Array.isArray(value)) {
      const index = Number(part);
      words.push(ITEM_LABELS[list] ? itemName(list, index, value[index]) : `${labelOf(list)}, Eintrag ${index + 1}`);
      value = value[index];
      return;
    }
    list = part;
    // "Phasen › Phase 2" says the same twice: the entry's name is enough.
    const entryFollows = /^\d+$/.test(parts[i + 1] ?? '') && ITEM_LABELS[part];
    if (!entryFollows && !(/^\d+$/.test(parts[i + 1] ?? '') && !ITEM_LABELS[part])) words.push(labelOf(part));
    value = isObject(value) ? value[part] : undefined;
  });
  return words.join(' › ') || 'Definition';
}

/** A value as a person reads it in the diff. */
export function showValue(name: string, value: Json): string {
  if (value === undefined || value === null) return '–';
  if (typeof value === 'boolean') return value ? 'ja' : 'nein';
  if (typeof value === 'string') {
    if (DURATION_FIELDS.has(name) || /^P(\d+[YMWD])+$/.test(value)) return germanDuration(value);
    return enumOptions(name, undefined)?.find((o) => o.value === value)?.label ?? value;
  }
  if (typeof value === 'number') return value.toLocaleString('de-DE');
  if (Array.isArray(value)) {
    if (value.length === 0) return 'keine';
    return value.map((v) => (isObject(v) ? String(v.title ?? v.text ?? v.key ?? '') : showValue(name, v))).join(', ');
  }
  if (isObject(value))
    return [value.title ?? value.text, value.duration ? germanDuration(String(value.duration)) : null].filter(Boolean).join(', ') || '…';
  return String(value);
}
