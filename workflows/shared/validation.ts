/** A problem with one field of an update's input, by JSON pointer; shared by workflows and the API. */
export interface Problem {
  pointer: string;
  message: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Small pure checks that collect problems instead of throwing. */
export class Problems {
  readonly list: Problem[] = [];

  add(pointer: string, message: string): void {
    this.list.push({ pointer, message });
  }

  get ok(): boolean {
    return this.list.length === 0;
  }

  object(value: unknown, at: string, allowed: string[]): value is Record<string, unknown> {
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      this.add(at || '/', 'must be an object');
      return false;
    }
    for (const key of Object.keys(value)) if (!allowed.includes(key)) this.add(`${at}/${key}`, `unknown property ${key}`);
    return true;
  }

  array(value: unknown, at: string, min = 0, max = 1000): unknown[] {
    if (!Array.isArray(value)) {
      this.add(at, 'must be an array');
      return [];
    }
    if (value.length < min) this.add(at, `must have at least ${min} entr${min === 1 ? 'y' : 'ies'}`);
    if (value.length > max) this.add(at, `must have at most ${max} entries`);
    return value;
  }

  text(value: unknown, at: string, max = 5000, optional = false): string | undefined {
    if (value === undefined && optional) return undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      this.add(at, 'must be a non-empty string');
      return undefined;
    }
    if (value.length > max) this.add(at, `must be at most ${max} characters`);
    return value;
  }

  date(value: unknown, at: string): string | undefined {
    if (
      typeof value !== 'string' ||
      !ISO_DATE.test(value) ||
      Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ||
      new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value
    ) {
      this.add(at, 'must be a date YYYY-MM-DD');
      return undefined;
    }
    return value;
  }

  integer(value: unknown, at: string, min: number, max: number): number | undefined {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.add(at, `must be a whole number from ${min} to ${max}`);
      return undefined;
    }
    return value;
  }

  oneOf<T extends string>(value: unknown, at: string, allowed: readonly T[]): T | undefined {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.add(at, `must be one of ${allowed.join(', ')}`);
      return undefined;
    }
    return value as T;
  }

  uuid(value: unknown, at: string): string | undefined {
    if (typeof value !== 'string' || !UUID.test(value)) {
      this.add(at, 'must be a UUID');
      return undefined;
    }
    return value;
  }

  key(value: unknown, at: string): string | undefined {
    if (typeof value !== 'string' || !/^[a-z0-9][a-z0-9_-]{0,63}$/.test(value)) {
      this.add(at, 'must be a key of lower-case letters, digits, _ or -');
      return undefined;
    }
    return value;
  }
}
