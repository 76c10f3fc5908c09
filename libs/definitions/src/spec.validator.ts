import { FieldProblem, germanDuration } from '@sro/common';
import { compareDurations, isPositive, parseDuration } from '@sro/workflows/shared/duration';
import { DefinitionKey, DELIVERABLE_TYPES, ESCALATION_ROLES, PARTY_KINDS, QUESTION_TYPES, TARGET_PERSPECTIVES } from './spec.types';

type Json = Record<string, unknown>;
const KEY = /^[a-z][a-z0-9_-]{0,63}$/;
const KEY_MESSAGE = 'Bitte einen Schlüssel aus Kleinbuchstaben, Ziffern, _ oder - angeben, der mit einem Buchstaben beginnt.';

/** Collects every problem of a spec with its JSON pointer, instead of stopping at the first. */
class Checker {
  readonly problems: FieldProblem[] = [];

  add(pointer: string, code: string, message: string, params?: Record<string, unknown>): void {
    this.problems.push({ pointer: pointer || '/', code, message, ...(params ? { params } : {}) });
  }

  object(value: unknown, pointer: string, allowed: string[]): value is Json {
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      this.add(pointer, 'type.object', 'Hier wird ein Objekt mit Feldern erwartet.');
      return false;
    }
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key))
        this.add(`${pointer}/${key}`, 'unknown-field', `Das Feld „${key}“ ist hier nicht vorgesehen.`, { field: key });
    }
    return true;
  }

  array(obj: Json, name: string, pointer: string, options: { min?: number; optional?: boolean } = {}): unknown[] {
    const value = obj[name];
    if (value === undefined && options.optional) return [];
    if (!Array.isArray(value)) {
      this.add(`${pointer}/${name}`, 'type.array', 'Hier wird eine Liste erwartet.');
      return [];
    }
    if (options.min !== undefined && value.length < options.min)
      this.add(
        `${pointer}/${name}`,
        'array.min',
        `Bitte mindestens ${options.min} ${options.min === 1 ? 'Eintrag' : 'Einträge'} angeben.`,
        { min: options.min },
      );
    return value;
  }

  text(obj: Json, name: string, pointer: string, options: { max?: number; optional?: boolean } = {}): string | undefined {
    const value = obj[name];
    if (value === undefined && options.optional) return undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      this.add(`${pointer}/${name}`, 'required', 'Bitte einen Text angeben.');
      return undefined;
    }
    if (value.length > (options.max ?? 500))
      this.add(`${pointer}/${name}`, 'length.max', `Höchstens ${options.max ?? 500} Zeichen.`, { max: options.max ?? 500 });
    return value;
  }

  key(obj: Json, name: string, pointer: string): string | undefined {
    const value = obj[name];
    if (typeof value !== 'string' || !KEY.test(value)) {
      this.add(`${pointer}/${name}`, 'format.key', KEY_MESSAGE);
      return undefined;
    }
    return value;
  }

  oneOf<T extends string>(obj: Json, name: string, pointer: string, allowed: readonly T[], what: string, optional = false): T | undefined {
    const value = obj[name];
    if (value === undefined && optional) return undefined;
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.add(`${pointer}/${name}`, 'enum', `${what} ${JSON.stringify(value)} ist nicht vorgesehen; möglich: ${allowed.join(', ')}.`, {
        allowed: [...allowed],
      });
      return undefined;
    }
    return value as T;
  }

  bool(obj: Json, name: string, pointer: string): boolean | undefined {
    if (typeof obj[name] !== 'boolean') {
      this.add(`${pointer}/${name}`, 'type.boolean', 'Hier wird true oder false erwartet.');
      return undefined;
    }
    return obj[name] as boolean;
  }

  integer(obj: Json, name: string, pointer: string, min: number, max: number): number | undefined {
    const value = obj[name];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.add(`${pointer}/${name}`, 'number.range', `Bitte eine ganze Zahl von ${min} bis ${max} angeben.`, { min, max });
      return undefined;
    }
    return value;
  }

  duration(obj: Json, name: string, pointer: string): string | undefined {
    const value = obj[name];
    if (!parseDuration(value)) {
      this.add(
        `${pointer}/${name}`,
        'format.duration',
        `Bitte eine Dauer im Format ISO 8601 angeben, z. B. P30D (30 Tage) oder P6M (6 Monate); angegeben: ${JSON.stringify(value)}.`,
      );
      return undefined;
    }
    if (!isPositive(value as string)) {
      this.add(`${pointer}/${name}`, 'duration.min', 'Die Dauer muss länger als null sein.');
      return undefined;
    }
    return value as string;
  }

  /** Reminder offsets before a due date: valid durations, not longer than the step itself. */
  offsets(obj: Json, name: string, pointer: string, within?: string): void {
    this.array(obj, name, pointer).forEach((offset, i) => {
      const at = `${pointer}/${name}/${i}`;
      if (!parseDuration(offset) || !isPositive(offset as string)) {
        this.add(
          at,
          'format.duration',
          `Bitte eine Dauer länger als null im Format ISO 8601 angeben (z. B. P7D); angegeben: ${JSON.stringify(offset)}.`,
        );
      } else if (within && compareDurations(offset as string, within) > 0) {
        this.add(
          at,
          'duration.max',
          `Die Erinnerung ${germanDuration(String(offset))} vor der Frist ist länger als der Schritt selbst (${germanDuration(within)}).`,
          { max: within },
        );
      }
    });
  }

  unique(items: unknown[], pointer: string, field = 'key'): void {
    const seen = new Map<unknown, number>();
    items.forEach((item, i) => {
      const value = (item as Json | undefined)?.[field];
      if (value === undefined) return;
      if (seen.has(value))
        this.add(
          `${pointer}/${i}/${field}`,
          'duplicate',
          `${JSON.stringify(value)} kommt doppelt vor (auch an Position ${seen.get(value)! + 1}).`,
          {
            field,
            index: seen.get(value),
          },
        );
      else seen.set(value, i);
    });
  }
}

const STEP_FIELDS = ['key', 'title', 'duration', 'reminderOffsets', 'escalationRole', 'deliverables', 'checklist'];

function checkSteps(c: Checker, spec: Json, name: string, pointer: string, min = 1): void {
  const steps = c.array(spec, name, pointer, { min });
  c.unique(steps, `${pointer}/${name}`);
  steps.forEach((step, i) => {
    const at = `${pointer}/${name}/${i}`;
    if (!c.object(step, at, STEP_FIELDS)) return;
    c.key(step, 'key', at);
    c.text(step, 'title', at, { max: 200 });
    const duration = c.duration(step, 'duration', at);
    c.offsets(step, 'reminderOffsets', at, duration);
    c.oneOf(step, 'escalationRole', at, ESCALATION_ROLES, 'Die Rolle', true);
    const deliverables = c.array(step, 'deliverables', at);
    c.unique(deliverables, `${at}/deliverables`);
    deliverables.forEach((deliverable, j) => {
      const dat = `${at}/deliverables/${j}`;
      if (!c.object(deliverable, dat, ['key', 'title', 'type', 'required', 'constraints'])) return;
      c.key(deliverable, 'key', dat);
      c.text(deliverable, 'title', dat, { max: 200 });
      c.oneOf(deliverable, 'type', dat, DELIVERABLE_TYPES, 'Die Art des Ergebnisses');
      c.bool(deliverable, 'required', dat);
      if (
        deliverable.constraints !== undefined &&
        c.object(deliverable.constraints, `${dat}/constraints`, ['minItems', 'maxItems', 'maxLength'])
      ) {
        const k = deliverable.constraints;
        for (const field of ['minItems', 'maxItems', 'maxLength'] as const) {
          if (k[field] !== undefined) c.integer(k, field, `${dat}/constraints`, 0, 100_000);
        }
        if (typeof k.minItems === 'number' && typeof k.maxItems === 'number' && k.minItems > k.maxItems) {
          c.add(`${dat}/constraints/minItems`, 'number.max', `minItems darf nicht größer als maxItems (${k.maxItems}) sein.`, {
            max: k.maxItems,
          });
        }
      }
    });
    if (step.checklist !== undefined)
      c.array(step, 'checklist', at).forEach(
        (item, j) => typeof item !== 'string' && c.add(`${at}/checklist/${j}`, 'type.string', 'Hier wird ein Text erwartet.'),
      );
  });
}

function checkSozialraum(c: Checker, spec: Json): void {
  const fields = ['phases', 'analysisQuestions', 'conferenceInterval', 'conferenceReminderOffsets', 'measureReviewInterval'];
  if (!c.object(spec, '', [...fields, 'annualBudgetCents'])) return;
  checkSteps(c, spec, 'phases', '');
  const questions = c.array(spec, 'analysisQuestions', '');
  c.unique(questions, '/analysisQuestions');
  questions.forEach((q, i) => {
    if (!c.object(q, `/analysisQuestions/${i}`, ['key', 'text'])) return;
    c.key(q, 'key', `/analysisQuestions/${i}`);
    c.text(q, 'text', `/analysisQuestions/${i}`);
  });
  const interval = c.duration(spec, 'conferenceInterval', '');
  c.offsets(spec, 'conferenceReminderOffsets', '', interval);
  c.duration(spec, 'measureReviewInterval', '');
  c.integer(spec, 'annualBudgetCents', '', 0, 100_000_000_000);
}

function checkFallteam(c: Checker, spec: Json): void {
  if (
    !c.object(spec, '', [
      'steps',
      'minProfessionals',
      'packetOpensBefore',
      'packetClosesAfter',
      'followUpAfter',
      'followUpReminderOffsets',
      'pseudonymisePacket',
      'consentPurposes',
      'retentionAfterClosure',
      'retentionAfterClosureWithoutHelp',
    ])
  )
    return;
  checkSteps(c, spec, 'steps', '');
  c.integer(spec, 'minProfessionals', '', 2, 50);
  c.duration(spec, 'packetOpensBefore', '');
  c.duration(spec, 'packetClosesAfter', '');
  const followUp = c.duration(spec, 'followUpAfter', '');
  c.offsets(spec, 'followUpReminderOffsets', '', followUp);
  if (c.bool(spec, 'pseudonymisePacket', '') === false)
    c.add(
      '/pseudonymisePacket',
      'equals',
      'Unterlagen für externe Beratende müssen pseudonymisiert sein (§§ 64, 65 SGB VIII); bitte true angeben.',
      { value: true },
    );
  const purposes = c.array(spec, 'consentPurposes', '', { min: 1 });
  purposes.forEach((purpose, i) => {
    if (typeof purpose !== 'string' || !KEY.test(purpose)) c.add(`/consentPurposes/${i}`, 'format.key', KEY_MESSAGE);
    else if (purposes.indexOf(purpose) !== i)
      c.add(`/consentPurposes/${i}`, 'duplicate', `Der Zweck ${JSON.stringify(purpose)} kommt doppelt vor.`, { value: purpose });
  });
  if (Array.isArray(spec.consentPurposes) && !purposes.includes('fallteam'))
    c.add(
      '/consentPurposes',
      'required-value',
      'Der Zweck „fallteam“ muss enthalten sein: Unter ihm geben Einwilligungen Identitätsangaben für das Fallteam frei.',
      { value: 'fallteam' },
    );
  const withHelp = c.duration(spec, 'retentionAfterClosure', '');
  const withoutHelp = c.duration(spec, 'retentionAfterClosureWithoutHelp', '');
  if (withHelp && withoutHelp && compareDurations(withoutHelp, withHelp) > 0)
    c.add(
      '/retentionAfterClosureWithoutHelp',
      'duration.max',
      'Die Aufbewahrung ohne Hilfe darf nicht länger sein als retentionAfterClosure.',
      {
        max: spec.retentionAfterClosure,
      },
    );
}

function checkQuestionnaire(c: Checker, questionnaire: unknown, at: string): void {
  if (!c.object(questionnaire, at, ['version', 'sections'])) return;
  c.text(questionnaire, 'version', at, { max: 50 });
  const sections = c.array(questionnaire, 'sections', at, { min: 1 });
  c.unique(sections, `${at}/sections`);
  const allQuestions: Array<{ key: unknown; pointer: string }> = [];
  sections.forEach((section, i) => {
    const sat = `${at}/sections/${i}`;
    if (!c.object(section, sat, ['key', 'title', 'perspective', 'questions'])) return;
    c.key(section, 'key', sat);
    c.text(section, 'title', sat, { max: 200 });
    c.oneOf(section, 'perspective', sat, TARGET_PERSPECTIVES, 'Die Zielperspektive');
    c.array(section, 'questions', sat, { min: 1 }).forEach((question, j) => {
      const qat = `${sat}/questions/${j}`;
      if (!c.object(question, qat, ['key', 'text', 'type', 'required', 'options'])) return;
      c.key(question, 'key', qat);
      allQuestions.push({ key: question.key, pointer: `${qat}/key` });
      c.text(question, 'text', qat, { max: 1000 });
      const type = c.oneOf(question, 'type', qat, QUESTION_TYPES, 'Die Fragenart');
      c.bool(question, 'required', qat);
      if (type === 'single_choice' || type === 'multiple_choice') {
        const options = c.array(question, 'options', qat, { min: 2 });
        if (new Set(options).size !== options.length)
          c.add(`${qat}/options`, 'array.unique', 'Jede Antwortmöglichkeit darf nur einmal vorkommen.');
        options.forEach(
          (o, k) => (typeof o !== 'string' || !o.trim()) && c.add(`${qat}/options/${k}`, 'required', 'Bitte einen Text angeben.'),
        );
      } else if (question.options !== undefined) {
        c.add(`${qat}/options`, 'not-applicable', 'Diese Fragenart hat keine Antwortmöglichkeiten; bitte options weglassen.', { type });
      }
    });
  });
  const seen = new Set<unknown>();
  for (const q of allQuestions) {
    if (seen.has(q.key))
      c.add(q.pointer, 'duplicate', `Der Schlüssel ${JSON.stringify(q.key)} kommt im Fragebogen doppelt vor.`, { key: q.key });
    seen.add(q.key);
  }
}

function checkInterviewCycle(c: Checker, spec: Json): void {
  if (!c.object(spec, '', ['cycleInterval', 'steps', 'questionnaire'])) return;
  c.duration(spec, 'cycleInterval', '');
  checkSteps(c, spec, 'steps', '');
  checkQuestionnaire(c, spec.questionnaire, '/questionnaire');
}

function checkAgreement(c: Checker, spec: Json): void {
  if (!c.object(spec, '', ['approvalStages', 'renewalLeadTime', 'renewalReminderOffsets', 'revisionRestarts'])) return;
  const stages = c.array(spec, 'approvalStages', '', { min: 1 });
  c.unique(stages, '/approvalStages');
  const partyKeys = new Map<string, string>();
  stages.forEach((stage, i) => {
    const at = `/approvalStages/${i}`;
    if (
      !c.object(stage, at, [
        'key',
        'title',
        'mode',
        'parties',
        'quorum',
        'optional',
        'committee',
        'duration',
        'reminderOffsets',
        'escalationRole',
      ])
    )
      return;
    c.key(stage, 'key', at);
    c.text(stage, 'title', at, { max: 200 });
    c.oneOf(stage, 'mode', at, ['parallel', 'sequential'] as const, 'Der Ablauf');
    const parties = c.array(stage, 'parties', at, { min: 1 });
    c.unique(parties, `${at}/parties`);
    const presentKinds = new Set<string>();
    parties.forEach((party, j) => {
      const pat = `${at}/parties/${j}`;
      if (!c.object(party, pat, ['key', 'title', 'kind', 'whenPresent'])) return;
      const key = c.key(party, 'key', pat);
      if (key && partyKeys.has(key))
        c.add(`${pat}/key`, 'duplicate', `Die Partei „${key}“ entscheidet bereits in ${partyKeys.get(key)}.`, {
          key,
          at: partyKeys.get(key),
        });
      if (key) partyKeys.set(key, at);
      c.text(party, 'title', pat, { max: 200 });
      const kind = c.oneOf(party, 'kind', pat, PARTY_KINDS, 'Die Art der Partei');
      if (c.bool(party, 'whenPresent', pat) && kind) {
        if (kind === 'youth_welfare_committee')
          c.add(`${pat}/whenPresent`, 'not-applicable', 'Der Jugendhilfeausschuss ist nie Partei einer Vereinbarung; bitte false angeben.');
        else if (presentKinds.has(kind))
          c.add(
            `${pat}/whenPresent`,
            'duplicate',
            `Die Stufe hat bereits eine Partei der Art ${kind}, die entscheidet, wenn sie beteiligt ist.`,
            { kind },
          );
        presentKinds.add(kind);
      }
    });
    const quorum = c.integer(stage, 'quorum', at, 1, 100);
    if (quorum !== undefined && quorum > parties.length)
      c.add(`${at}/quorum`, 'number.max', `Das Quorum ${quorum} ist größer als die ${parties.length} Parteien der Stufe.`, {
        max: parties.length,
      });
    c.bool(stage, 'optional', at);
    const committee = c.bool(stage, 'committee', at);
    if (committee && parties.some((p) => (p as Json)?.kind !== 'youth_welfare_committee')) {
      c.add(`${at}/parties`, 'committee.parties', 'Eine Ausschussstufe entscheidet nur eine Partei der Art youth_welfare_committee.');
    }
    const duration = c.duration(stage, 'duration', at);
    c.offsets(stage, 'reminderOffsets', at, duration);
    c.oneOf(stage, 'escalationRole', at, ESCALATION_ROLES, 'Die Rolle', true);
  });
  const lead = c.duration(spec, 'renewalLeadTime', '');
  c.offsets(spec, 'renewalReminderOffsets', '', lead);
  c.oneOf(spec, 'revisionRestarts', '', ['all', 'from_rejected_stage'] as const, 'Die Regel für den Neustart');
}

/** The longest deadline a definition may give the immediate protection after an acute § 8a result. */
const IMMEDIATE_PROTECTION_MAX = 'P3D';

function checkJugendhilfedienst(c: Checker, spec: Json): void {
  const fields = [
    'steps',
    'riskAssessmentMinProfessionals',
    'fallteamThreshold',
    'helpPlanReviewInterval',
    'helpPlanReviewReminderOffsets',
    'preventiveShareTarget',
    'retentionAfterClosure',
  ];
  if (!c.object(spec, '', fields)) return;
  checkSteps(c, spec, 'steps', '');
  // An acute § 8a result needs its immediate-protection step, and that step's deadline must be short.
  const steps = Array.isArray(spec.steps) ? (spec.steps as Json[]) : [];
  const protection = steps.findIndex((s) => s?.key === 'immediate_protection');
  if (protection < 0)
    c.add('/steps', 'step.missing', 'Es fehlt der Schritt immediate_protection (Sofortschutz nach einem akuten § 8a-Ergebnis).', {
      stepKey: 'immediate_protection',
    });
  else if (
    parseDuration(steps[protection].duration) &&
    compareDurations(steps[protection].duration as string, IMMEDIATE_PROTECTION_MAX) > 0
  )
    c.add(
      `/steps/${protection}/duration`,
      'duration.max',
      `Der Sofortschutz muss innerhalb von ${germanDuration(IMMEDIATE_PROTECTION_MAX, { dative: true })} fällig sein.`,
      { max: IMMEDIATE_PROTECTION_MAX },
    );
  c.integer(spec, 'riskAssessmentMinProfessionals', '', 2, 20);
  c.duration(spec, 'fallteamThreshold', '');
  const review = c.duration(spec, 'helpPlanReviewInterval', '');
  c.offsets(spec, 'helpPlanReviewReminderOffsets', '', review);
  const share = spec.preventiveShareTarget;
  if (typeof share !== 'number' || share < 0 || share > 1)
    c.add('/preventiveShareTarget', 'number.range', 'Bitte eine Zahl von 0 bis 1 angeben (0.1 = 10 %).', { min: 0, max: 1 });
  c.duration(spec, 'retentionAfterClosure', '');
}

const CHECKS: Record<DefinitionKey, (c: Checker, spec: Json) => void> = {
  'sozialraum-development': checkSozialraum,
  'fallteam-consultation': checkFallteam,
  'partner-interview-cycle': checkInterviewCycle,
  'cooperation-agreement': checkAgreement,
  'jugendhilfedienst-case': checkJugendhilfedienst,
};

/** Every problem of a spec for a key, each with its JSON pointer; empty when the spec is valid. */
export function validateSpec(key: DefinitionKey, spec: unknown): FieldProblem[] {
  const checker = new Checker();
  CHECKS[key](checker, spec as Json);
  return checker.problems;
}
