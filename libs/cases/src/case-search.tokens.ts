/**
 * Normalised search tokens of case names, dates and search terms: the plain side of the blind
 * index (the HMAC is taken in CaseSearchIndex). Pure functions, so a unit test pins the rules.
 */

/** Shortest prefix of a name that is indexed (and so the shortest search term that finds by prefix). */
export const MIN_PREFIX = 3;
/** Longer names are indexed up to this many characters (a search term is cut to it as well). */
export const MAX_TOKEN = 40;

/** The kind of value a token stands for; part of the hashed text, so a date never matches a name. */
export type SearchTokenKind = 'name' | 'date';

/** A token as it is hashed: `name:muell`, `date:2015-03-12`. */
export type SearchToken = `${SearchTokenKind}:${string}`;

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue' };

/**
 * The spellings of one text under German folding, as words: lower case, `ß` → `ss`, umlauts both
 * expanded (`ü` → `ue`) and plain (`ü` → `u`), other accents dropped, split at everything that is
 * not a letter or digit. "Müller-Lüdenscheidt" → mueller, muller, luedenscheidt, ludenscheidt.
 */
export function foldedWords(text: string): string[] {
  const base = text.normalize('NFC').toLowerCase().replace(/ß/g, 'ss');
  const spellings = [base.replace(/[äöü]/g, (c) => UMLAUTS[c]), base];
  const words = new Set<string>();
  for (const spelling of spellings) {
    const plain = spelling.normalize('NFD').replace(/\p{M}/gu, '');
    for (const word of plain.split(/[^\p{L}\p{N}]+/u)) if (word) words.add(word.slice(0, MAX_TOKEN));
  }
  return [...words];
}

/** Every indexed prefix of a word: from MIN_PREFIX characters to the whole word (a shorter word as it is). */
export function prefixesOf(word: string): string[] {
  if (word.length <= MIN_PREFIX) return [word];
  return Array.from({ length: word.length - MIN_PREFIX + 1 }, (_, i) => word.slice(0, MIN_PREFIX + i));
}

/** A birth date (`YYYY-MM-DD`, or as typed: `12.03.2015`, `12.3.2015`) as `YYYY-MM-DD`; undefined when it is none. */
export function normaliseDate(text: string): string | undefined {
  const trimmed = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  if (m) return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return undefined;
}

/** The names and dates of a case that search finds it by. */
export interface SearchableNames {
  familyName: string;
  givenNames: string[];
  birthDates: string[];
}

/** The tokens a case is indexed under: each name word in every spelling with its prefixes, and each birth date. */
export function caseTokens(names: SearchableNames): SearchToken[] {
  const tokens = new Set<SearchToken>();
  for (const name of [names.familyName, ...names.givenNames]) {
    for (const word of foldedWords(name ?? '')) for (const prefix of prefixesOf(word)) tokens.add(`name:${prefix}`);
  }
  for (const date of names.birthDates ?? []) {
    const normalised = normaliseDate(date);
    if (normalised) tokens.add(`date:${normalised}`);
  }
  return [...tokens];
}

/**
 * A search text as terms, each with the tokens any one of which satisfies it; a case must satisfy
 * every term ("Anna Müller": a token of Anna and one of Müller). A date is one term.
 */
export function searchTerms(text: string): SearchToken[][] {
  const terms: SearchToken[][] = [];
  for (const part of text.trim().split(/\s+/).filter(Boolean)) {
    const date = normaliseDate(part);
    if (date) {
      terms.push([`date:${date}`]);
      continue;
    }
    // "Müller-Lüdenscheidt" is two terms; the spellings of one word (mueller, muller) are one term.
    for (const word of part.normalize('NFC').split(/[^\p{L}\p{N}]+/u)) {
      const spellings = word ? foldedWords(word) : [];
      if (spellings.length > 0) terms.push(spellings.map((w): SearchToken => `name:${w}`));
    }
  }
  return terms;
}
