import type { FieldProblem } from '@sro/common';
import { compareDurations, isPositive, parseDuration } from '@sro/workflows/shared/duration';
import { DefinitionKey, DELIVERABLE_TYPES, ESCALATION_ROLES, PARTY_KINDS, QUESTION_TYPES, TARGET_PERSPECTIVES } from './spec.types';

type Json = Record<string, unknown>;
const KEY = /^[a-z][a-z0-9_-]{0,63}$/;

/** Collects every problem of a spec with its JSON pointer, instead of stopping at the first. */
class Checker {
  readonly problems: FieldProblem[] = [];

  add(pointer: string, message: string): void {
    this.problems.push({ pointer: pointer || '/', message });
  }

  object(value: unknown, pointer: string, allowed: string[]): value is Json {
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      this.add(pointer, 'must be an object');
      return false;
    }
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.add(`${pointer}/${key}`, `unknown property ${key}`);
    }
    return true;
  }

  array(obj: Json, name: string, pointer: string, options: { min?: number; optional?: boolean } = {}): unknown[] {
    const value = obj[name];
    if (value === undefined && options.optional) return [];
    if (!Array.isArray(value)) {
      this.add(`${pointer}/${name}`, 'must be an array');
      return [];
    }
    if (options.min !== undefined && value.length < options.min)
      this.add(`${pointer}/${name}`, `must have at least ${options.min} entries`);
    return value;
  }

  text(obj: Json, name: string, pointer: string, options: { max?: number; optional?: boolean } = {}): string | undefined {
    const value = obj[name];
    if (value === undefined && options.optional) return undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      this.add(`${pointer}/${name}`, 'must be a non-empty string');
      return undefined;
    }
    if (value.length > (options.max ?? 500)) this.add(`${pointer}/${name}`, `must be at most ${options.max ?? 500} characters`);
    return value;
  }

  key(obj: Json, name: string, pointer: string): string | undefined {
    const value = obj[name];
    if (typeof value !== 'string' || !KEY.test(value)) {
      this.add(`${pointer}/${name}`, 'must be a key of lower-case letters, digits, _ or - (starting with a letter)');
      return undefined;
    }
    return value;
  }

  oneOf<T extends string>(obj: Json, name: string, pointer: string, allowed: readonly T[], what: string, optional = false): T | undefined {
    const value = obj[name];
    if (value === undefined && optional) return undefined;
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.add(`${pointer}/${name}`, `unknown ${what} ${JSON.stringify(value)}; allowed: ${allowed.join(', ')}`);
      return undefined;
    }
    return value as T;
  }

  bool(obj: Json, name: string, pointer: string): boolean | undefined {
    if (typeof obj[name] !== 'boolean') {
      this.add(`${pointer}/${name}`, 'must be true or false');
      return undefined;
    }
    return obj[name] as boolean;
  }

  integer(obj: Json, name: string, pointer: string, min: number, max: number): number | undefined {
    const value = obj[name];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.add(`${pointer}/${name}`, `must be a whole number from ${min} to ${max}`);
      return undefined;
    }
    return value;
  }

  duration(obj: Json, name: string, pointer: string): string | undefined {
    const value = obj[name];
    if (!parseDuration(value)) {
      this.add(`${pointer}/${name}`, `must be an ISO-8601 duration like P30D or P6M (got ${JSON.stringify(value)})`);
      return undefined;
    }
    if (!isPositive(value as string)) {
      this.add(`${pointer}/${name}`, 'must be longer than zero');
      return undefined;
    }
    return value as string;
  }

  /** Reminder offsets before a due date: valid durations, not longer than the step itself. */
  offsets(obj: Json, name: string, pointer: string, within?: string): void {
    this.array(obj, name, pointer).forEach((offset, i) => {
      const at = `${pointer}/${name}/${i}`;
      if (!parseDuration(offset) || !isPositive(offset as string)) {
        this.add(at, `must be an ISO-8601 duration longer than zero (got ${JSON.stringify(offset)})`);
      } else if (within && compareDurations(offset as string, within) > 0) {
        this.add(at, `reminder offset ${String(offset)} is longer than the step (${within})`);
      }
    });
  }

  unique(items: unknown[], pointer: string, field = 'key'): void {
    const seen = new Map<unknown, number>();
    items.forEach((item, i) => {
      const value = (item as Json | undefined)?.[field];
      if (value === undefined) return;
      if (seen.has(value))
        this.add(`${pointer}/${i}/${field}`, `duplicate ${field} ${JSON.stringify(value)} (also at index ${seen.get(value)})`);
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
    c.oneOf(step, 'escalationRole', at, ESCALATION_ROLES, 'role', true);
    const deliverables = c.array(step, 'deliverables', at);
    c.unique(deliverables, `${at}/deliverables`);
    deliverables.forEach((deliverable, j) => {
      const dat = `${at}/deliverables/${j}`;
      if (!c.object(deliverable, dat, ['key', 'title', 'type', 'required', 'constraints'])) return;
      c.key(deliverable, 'key', dat);
      c.text(deliverable, 'title', dat, { max: 200 });
      c.oneOf(deliverable, 'type', dat, DELIVERABLE_TYPES, 'deliverable type');
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
          c.add(`${dat}/constraints/minItems`, 'must not be larger than maxItems');
        }
      }
    });
    if (step.checklist !== undefined)
      c.array(step, 'checklist', at).forEach((item, j) => typeof item !== 'string' && c.add(`${at}/checklist/${j}`, 'must be a string'));
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
      'accessWindow',
      'followUpAfter',
      'followUpReminderOffsets',
      'pseudonymisePacket',
      'consentPurposes',
    ])
  )
    return;
  checkSteps(c, spec, 'steps', '');
  c.integer(spec, 'minProfessionals', '', 2, 50);
  c.duration(spec, 'accessWindow', '');
  const followUp = c.duration(spec, 'followUpAfter', '');
  c.offsets(spec, 'followUpReminderOffsets', '', followUp);
  if (c.bool(spec, 'pseudonymisePacket', '') === false)
    c.add('/pseudonymisePacket', 'packets for external advisers must be pseudonymised (SGB VIII § 64, § 65)');
  const purposes = c.array(spec, 'consentPurposes', '', { min: 1 });
  purposes.forEach((purpose, i) => {
    if (typeof purpose !== 'string' || !KEY.test(purpose))
      c.add(`/consentPurposes/${i}`, 'must be a key of lower-case letters, digits, _ or - (starting with a letter)');
    else if (purposes.indexOf(purpose) !== i) c.add(`/consentPurposes/${i}`, `duplicate purpose ${JSON.stringify(purpose)}`);
  });
  if (Array.isArray(spec.consentPurposes) && !purposes.includes('fallteam'))
    c.add('/consentPurposes', 'must contain fallteam: the purpose under which consents release identity fields to the Fallteam');
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
    c.oneOf(section, 'perspective', sat, TARGET_PERSPECTIVES, 'target perspective');
    c.array(section, 'questions', sat, { min: 1 }).forEach((question, j) => {
      const qat = `${sat}/questions/${j}`;
      if (!c.object(question, qat, ['key', 'text', 'type', 'required', 'options'])) return;
      c.key(question, 'key', qat);
      allQuestions.push({ key: question.key, pointer: `${qat}/key` });
      c.text(question, 'text', qat, { max: 1000 });
      const type = c.oneOf(question, 'type', qat, QUESTION_TYPES, 'question type');
      c.bool(question, 'required', qat);
      if (type === 'single_choice' || type === 'multiple_choice') {
        const options = c.array(question, 'options', qat, { min: 2 });
        if (new Set(options).size !== options.length) c.add(`${qat}/options`, 'options must be unique');
        options.forEach((o, k) => (typeof o !== 'string' || !o.trim()) && c.add(`${qat}/options/${k}`, 'must be a non-empty string'));
      } else if (question.options !== undefined) {
        c.add(`${qat}/options`, `a ${type ?? 'question'} question has no options`);
      }
    });
  });
  const seen = new Set<unknown>();
  for (const q of allQuestions) {
    if (seen.has(q.key)) c.add(q.pointer, `duplicate question key ${JSON.stringify(q.key)} in the questionnaire`);
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
    c.oneOf(stage, 'mode', at, ['parallel', 'sequential'] as const, 'mode');
    const parties = c.array(stage, 'parties', at, { min: 1 });
    c.unique(parties, `${at}/parties`);
    const presentKinds = new Set<string>();
    parties.forEach((party, j) => {
      const pat = `${at}/parties/${j}`;
      if (!c.object(party, pat, ['key', 'title', 'kind', 'whenPresent'])) return;
      const key = c.key(party, 'key', pat);
      if (key && partyKeys.has(key)) c.add(`${pat}/key`, `party ${key} already decides in ${partyKeys.get(key)}`);
      if (key) partyKeys.set(key, at);
      c.text(party, 'title', pat, { max: 200 });
      const kind = c.oneOf(party, 'kind', pat, PARTY_KINDS, 'party kind');
      if (c.bool(party, 'whenPresent', pat) && kind) {
        if (kind === 'youth_welfare_committee') c.add(`${pat}/whenPresent`, 'the committee is never a party of an agreement');
        else if (presentKinds.has(kind)) c.add(`${pat}/whenPresent`, `the stage already has a ${kind} party that decides when present`);
        presentKinds.add(kind);
      }
    });
    const quorum = c.integer(stage, 'quorum', at, 1, 100);
    if (quorum !== undefined && quorum > parties.length)
      c.add(`${at}/quorum`, `quorum ${quorum} is larger than the ${parties.length} parties of the stage`);
    c.bool(stage, 'optional', at);
    const committee = c.bool(stage, 'committee', at);
    if (committee && parties.some((p) => (p as Json)?.kind !== 'youth_welfare_committee')) {
      c.add(`${at}/parties`, 'a committee stage is decided by a youth_welfare_committee party');
    }
    const duration = c.duration(stage, 'duration', at);
    c.offsets(stage, 'reminderOffsets', at, duration);
    c.oneOf(stage, 'escalationRole', at, ESCALATION_ROLES, 'role', true);
  });
  const lead = c.duration(spec, 'renewalLeadTime', '');
  c.offsets(spec, 'renewalReminderOffsets', '', lead);
  c.oneOf(spec, 'revisionRestarts', '', ['all', 'from_rejected_stage'] as const, 'restart rule');
}

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
  c.integer(spec, 'riskAssessmentMinProfessionals', '', 2, 20);
  c.duration(spec, 'fallteamThreshold', '');
  const review = c.duration(spec, 'helpPlanReviewInterval', '');
  c.offsets(spec, 'helpPlanReviewReminderOffsets', '', review);
  const share = spec.preventiveShareTarget;
  if (typeof share !== 'number' || share < 0 || share > 1) c.add('/preventiveShareTarget', 'must be a number from 0 to 1 (0.1 = 10 %)');
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
