import {
  ValidationError,
  getMetadataStorage,
  isBoolean,
  isDateString,
  isEmail,
  isEnum,
  isIn,
  isInt,
  isISO8601,
  isNotEmpty,
  isNumber,
  isString,
  isUUID,
  matches,
  max,
  maxLength,
  min,
  minLength,
} from 'class-validator';
import type { FieldProblem } from '@sro/common';

/**
 * German messages for class-validator's rules. The API's DTOs name their rules (`@MaxLength(200)`);
 * class-validator words them in English ("name must be shorter than or equal to 200 characters").
 * This maps each rule to a stable code, its values as params and a German sentence a caseworker
 * understands next to the field. A DTO's own message (given in German) is kept.
 */
type Wording = (params: Record<string, unknown>) => string;

const DATE_PATTERN = /^\^\\d\{4\}-\\d\{2\}-\\d\{2\}\$$/;

const list = (values: unknown): string => (Array.isArray(values) ? values.map(String).join(', ') : String(values));

const RULES: Record<string, { code: string; params?: (constraints: unknown[]) => Record<string, unknown>; message: Wording }> = {
  isDefined: { code: 'required', message: () => 'Bitte ausfüllen.' },
  isNotEmpty: { code: 'required', message: () => 'Bitte ausfüllen.' },
  isString: { code: 'type.string', message: () => 'Bitte einen Text angeben.' },
  isInt: { code: 'type.integer', message: () => 'Bitte eine ganze Zahl angeben.' },
  isNumber: { code: 'type.number', message: () => 'Bitte eine Zahl angeben.' },
  isBoolean: { code: 'type.boolean', message: () => 'Bitte „ja“ oder „nein“ angeben.' },
  isArray: { code: 'type.array', message: () => 'Bitte eine Liste angeben.' },
  isObject: { code: 'type.object', message: () => 'Diese Angabe muss aus mehreren Feldern bestehen (ein Objekt).' },
  nestedValidation: { code: 'type.object', message: () => 'Diese Angabe muss aus mehreren Feldern bestehen (ein Objekt).' },
  isUuid: { code: 'format.uuid', message: () => 'Bitte einen Eintrag aus der Liste auswählen (gültige Kennung).' },
  isDateString: { code: 'format.date', message: () => 'Bitte ein gültiges Datum angeben (TT.MM.JJJJ).' },
  isIso8601: { code: 'format.date', message: () => 'Bitte ein gültiges Datum angeben (TT.MM.JJJJ).' },
  isEmail: { code: 'format.email', message: () => 'Bitte eine gültige E-Mail-Adresse angeben.' },
  isUrl: { code: 'format.url', message: () => 'Bitte eine vollständige Adresse angeben (https://…).' },
  matches: {
    code: 'format',
    params: ([pattern]) => ({ pattern: pattern instanceof RegExp ? pattern.source : String(pattern) }),
    message: ({ pattern }) =>
      DATE_PATTERN.test(`${pattern}`) ? 'Bitte ein gültiges Datum angeben (TT.MM.JJJJ).' : 'Die Angabe hat nicht das erwartete Format.',
  },
  isIn: {
    code: 'enum',
    params: ([allowed]) => ({ allowed }),
    message: ({ allowed }) => `Bitte einen der vorgesehenen Werte wählen: ${list(allowed)}.`,
  },
  isEnum: {
    code: 'enum',
    params: ([entity]) => ({ allowed: Object.values((entity ?? {}) as object) }),
    message: ({ allowed }) => `Bitte einen der vorgesehenen Werte wählen: ${list(allowed)}.`,
  },
  minLength: {
    code: 'length.min',
    params: ([min]) => ({ min }),
    message: ({ min }) => (Number(min) <= 1 ? 'Bitte ausfüllen.' : `Bitte mindestens ${min} Zeichen angeben.`),
  },
  maxLength: { code: 'length.max', params: ([max]) => ({ max }), message: ({ max }) => `Höchstens ${max} Zeichen.` },
  min: { code: 'number.min', params: ([min]) => ({ min }), message: ({ min }) => `Der Wert muss mindestens ${min} sein.` },
  max: { code: 'number.max', params: ([max]) => ({ max }), message: ({ max }) => `Der Wert darf höchstens ${max} sein.` },
  arrayMinSize: {
    code: 'array.min',
    params: ([min]) => ({ min }),
    message: ({ min }) => (Number(min) <= 1 ? 'Bitte mindestens einen Eintrag angeben.' : `Bitte mindestens ${min} Einträge angeben.`),
  },
  arrayMaxSize: { code: 'array.max', params: ([max]) => ({ max }), message: ({ max }) => `Höchstens ${max} Einträge.` },
  arrayNotEmpty: { code: 'array.min', params: () => ({ min: 1 }), message: () => 'Bitte mindestens einen Eintrag angeben.' },
  arrayUnique: { code: 'array.unique', message: () => 'Jeder Eintrag darf nur einmal vorkommen.' },
  equals: { code: 'equals', params: ([value]) => ({ value }), message: ({ value }) => `Hier ist nur „${value}“ möglich.` },
  whitelistValidation: { code: 'unknown-field', message: () => 'Dieses Feld ist hier nicht vorgesehen.' },
  unknownValue: { code: 'unknown-value', message: () => 'Diese Angabe ist hier nicht vorgesehen.' },
};

const FALLBACK = { code: 'invalid', message: () => 'Die Angabe ist ungültig.' };

interface RuleMetadata {
  name?: string;
  type: string;
  propertyName: string;
  constraints?: unknown[];
  message?: unknown;
  each?: boolean;
}

/** The metadata class-validator keeps for one rule of one property (to read its values and own message). */
function ruleOf(target: object | undefined, property: string, rule: string): RuleMetadata | undefined {
  if (!target || typeof target !== 'object' || Array.isArray(target)) return undefined;
  const metadata = getMetadataStorage().getTargetValidationMetadatas(target.constructor, '', true, false) as RuleMetadata[];
  return metadata.find((m) => m.propertyName === property && (m.name === rule || m.type === rule));
}

/** The element checks of rules a DTO applies with `each: true` (their values as class-validator passes them). */
const ELEMENT_CHECKS: Record<string, (value: unknown, constraints: unknown[]) => boolean> = {
  isString: (v) => isString(v),
  isInt: (v) => isInt(v),
  isNumber: (v, [options]) => isNumber(v, options as object),
  isBoolean: (v) => isBoolean(v),
  isNotEmpty: (v) => isNotEmpty(v),
  isUuid: (v, [version]) => isUUID(v, version as never),
  isDateString: (v, [options]) => isDateString(v, options as object),
  isIso8601: (v, [options]) => isISO8601(v, options as object),
  isEmail: (v, [options]) => isEmail(v, options as object),
  matches: (v, [pattern, modifiers]) =>
    typeof v === 'string' && (pattern instanceof RegExp ? matches(v, pattern) : matches(v, String(pattern), modifiers as string)),
  isIn: (v, [allowed]) => isIn(v, allowed as unknown[]),
  isEnum: (v, [entity]) => isEnum(v, entity),
  minLength: (v, [n]) => minLength(v, Number(n)),
  maxLength: (v, [n]) => maxLength(v, Number(n)),
  min: (v, [n]) => min(v, Number(n)),
  max: (v, [n]) => max(v, Number(n)),
};

/**
 * The positions in a list that broke a rule applied to each element (`@IsDateString({}, { each: true })`):
 * class-validator names only the list, a person needs the row. Empty when the rule is not per element
 * or cannot be re-checked here (then the problem stays at the list).
 */
export function failingIndices(error: ValidationError, rule: string): number[] {
  const metadata = ruleOf(error.target, error.property, rule);
  const value = (error.target as Record<string, unknown> | undefined)?.[error.property];
  const check = ELEMENT_CHECKS[rule];
  if (!metadata?.each || !check || !Array.isArray(value)) return [];
  return value.flatMap((element, index) => (check(element, metadata.constraints ?? []) ? [] : [index]));
}

/** One field problem per failed rule: German message, stable code, the rule's values. */
export function germanProblem(error: ValidationError, rule: string, english: string, pointer: string): FieldProblem {
  const metadata = ruleOf(error.target, error.property, rule);
  const known = RULES[rule] ?? FALLBACK;
  const params = known && 'params' in known && known.params ? known.params(metadata?.constraints ?? []) : undefined;
  // A DTO's own wording (German) wins over the catalogue; class-validator's defaults never reach a user.
  const own = typeof metadata?.message === 'string' && metadata.message !== '' ? english : undefined;
  // Nothing chosen from a list: a form shows the list in German, so its raw values would only confuse.
  const value = error.target && typeof error.target === 'object' ? (error.target as Record<string, unknown>)[error.property] : error.value;
  const unchosen = (rule === 'isIn' || rule === 'isEnum') && (value === undefined || value === null || value === '');
  return {
    pointer,
    code: known.code,
    ...(params ? { params } : {}),
    message: own ?? (unchosen ? 'Bitte eine Auswahl treffen.' : known.message(params ?? {})),
  };
}
