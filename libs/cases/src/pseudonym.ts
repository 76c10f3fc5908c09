import { randomBytes } from 'node:crypto';

const PSEUDONYM_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** How often an insert draws a new pseudonym before it gives up (each draw collides with p ≈ n / 32⁶). */
const PSEUDONYM_DRAWS = 5;

/** A pseudonym with no link to the person: `F-2026-7KQ3MX`. */
export function newPseudonym(): string {
  const bytes = randomBytes(6);
  return `F-${new Date().getUTCFullYear()}-${[...bytes].map((b) => PSEUDONYM_ALPHABET[b % PSEUDONYM_ALPHABET.length]).join('')}`;
}

/**
 * Runs `insert` with `first`, then with new pseudonyms while the one tried is taken: six characters
 * of 32 give about a billion pseudonyms a year, so among tens of thousands of cases a repeat is to be
 * expected (a soak of 43,000 intakes met one). `insert` answers undefined when its pseudonym was taken
 * (`ON CONFLICT (pseudonym) DO NOTHING`); the answer carries the pseudonym the row was written with.
 */
export async function insertWithFreePseudonym<T>(
  first: string,
  insert: (pseudonym: string) => Promise<T | undefined>,
): Promise<T & { pseudonym: string }> {
  let pseudonym = first;
  for (let draw = 1; ; draw++) {
    const row = await insert(pseudonym);
    if (row !== undefined) return { ...row, pseudonym };
    if (draw === PSEUDONYM_DRAWS) throw new Error(`no free pseudonym after ${PSEUDONYM_DRAWS} draws`);
    pseudonym = newPseudonym();
  }
}
