import type { Locator } from 'playwright-core';

const TIMEOUT = 15_000;

async function poll(what: string, check: () => Promise<{ pass: boolean; actual: unknown }>): Promise<void> {
  const deadline = Date.now() + TIMEOUT;
  let last: unknown;
  for (;;) {
    try {
      const { pass, actual } = await check();
      if (pass) return;
      last = actual;
    } catch (error) {
      last = (error as Error).message;
    }
    if (Date.now() > deadline) throw new Error(`${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const matches = (text: string, expected: string | RegExp) => (typeof expected === 'string' ? text.includes(expected) : expected.test(text));

/** Auto-waiting assertions on locators (playwright-core ships no test runner). */
function locatorExpect(locator: Locator) {
  return {
    toHaveCount: (n: number) =>
      poll(`expected ${n} elements for ${locator}`, async () => {
        const actual = await locator.count();
        return { pass: actual === n, actual };
      }),
    toContainText: (expected: string | RegExp) =>
      poll(`expected ${locator} to contain ${expected}`, async () => {
        const actual = await locator.innerText({ timeout: 1_000 });
        return { pass: matches(actual, expected), actual };
      }),
    /** One text, or the texts of all matching elements in order. */
    toHaveText: (expected: string | string[]) =>
      poll(`expected ${locator} to have text ${JSON.stringify(expected)}`, async () => {
        if (typeof expected === 'string') {
          const actual = (await locator.innerText({ timeout: 1_000 })).trim();
          return { pass: actual === expected, actual };
        }
        const actual = (await locator.allInnerTexts()).map((t) => t.trim());
        return { pass: actual.length === expected.length && actual.every((t, i) => t === expected[i]), actual };
      }),
    toBeVisible: () =>
      poll(`expected ${locator} to be visible`, async () => {
        const actual = await locator.isVisible();
        return { pass: actual, actual };
      }),
    toHaveAttribute: (name: string, value: string) =>
      poll(`expected ${locator} to have ${name}=${value}`, async () => {
        const actual = await locator.getAttribute(name, { timeout: 1_000 });
        return { pass: actual === value, actual };
      }),
    toHaveValue: (value: string | RegExp) =>
      poll(`expected ${locator} to have value ${value}`, async () => {
        const actual = await locator.inputValue({ timeout: 1_000 });
        return { pass: typeof value === 'string' ? actual === value : value.test(actual), actual };
      }),
    not: {
      toContainText: (unexpected: string | RegExp) =>
        poll(`expected ${locator} not to contain ${unexpected}`, async () => {
          const actual = await locator.innerText({ timeout: 1_000 });
          return { pass: !matches(actual, unexpected), actual };
        }),
      toHaveValue: (unexpected: string | RegExp) =>
        poll(`expected ${locator} not to have value ${unexpected}`, async () => {
          const actual = await locator.inputValue({ timeout: 1_000 });
          return { pass: typeof unexpected === 'string' ? actual !== unexpected : !unexpected.test(actual), actual };
        }),
    },
  };
}

const isLocator = (value: unknown): value is Locator =>
  !!value && typeof (value as Locator).waitFor === 'function' && typeof (value as Locator).count === 'function';

export function expect(value: Locator): ReturnType<typeof locatorExpect>;
export function expect<T>(value: T): jest.JestMatchers<T>;
export function expect(value: unknown) {
  return isLocator(value) ? locatorExpect(value) : (globalThis as unknown as { expect: jest.Expect }).expect(value);
}
