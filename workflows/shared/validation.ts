/** A problem with one field of an update's input, by JSON pointer; shared by workflows and the API. */
export interface Problem {
  pointer: string;
  /** German, for the person who typed the value. */
  message: string;
  /** Stable machine code of the rule (`required`, `format.date`, `number.range`...). */
  code: string;
  /** The rule's values (`{ min: 1, max: 10 }`); dates as ISO. */
  params?: Record<string, unknown>;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Small pure checks that collect problems instead of throwing. */
export class Problems {
  readonly list: Problem[] = [];

  add(pointer: string, code: string, message: string, params?: Record<string, unknown>): void {
    this.list.push({ pointer, code, message, ...(params ? { params } : {}) });
  }

  get ok(): boolean {
    return this.list.length === 0;
  }

  object(value: unknown, at: string, allowed: string[]): value is Record<string, unknown> {
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      this.add(at || '/', 'type.object', 'Diese Angabe muss aus mehreren Feldern bestehen (ein Objekt).');
      return false;
    }
    for (const key of Object.keys(value))
      if (!allowed.includes(key)) this.add(`${at}/${key}`, 'unknown-field', 'Dieses Feld ist hier nicht vorgesehen.', { field: key });
    return true;
  }

  array(value: unknown, at: string, min = 0, max = 1000): unknown[] {
    if (!Array.isArray(value)) {
      this.add(at, 'type.array', 'Bitte eine Liste angeben.');
      return [];
    }
    if (value.length < min)
      this.add(at, 'array.min', min <= 1 ? 'Bitte mindestens einen Eintrag angeben.' : `Bitte mindestens ${min} Einträge angeben.`, {
        min,
      });
    if (value.length > max) this.add(at, 'array.max', `Höchstens ${max} Einträge.`, { max });
    return value;
  }

  text(value: unknown, at: string, max = 5000, optional = false): string | undefined {
    if (value === undefined && optional) return undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      this.add(at, 'required', 'Bitte ausfüllen.');
      return undefined;
    }
    if (value.length > max) this.add(at, 'length.max', `Höchstens ${max} Zeichen.`, { max });
    return value;
  }

  date(value: unknown, at: string): string | undefined {
    if (
      typeof value !== 'string' ||
      !ISO_DATE.test(value) ||
      Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ||
      new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value
    ) {
      this.add(at, 'format.date', 'Bitte ein gültiges Datum angeben (TT.MM.JJJJ).');
      return undefined;
    }
    return value;
  }

  integer(value: unknown, at: string, min: number, max: number): number | undefined {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.add(at, 'number.range', `Bitte eine ganze Zahl von ${min} bis ${max} angeben.`, { min, max });
      return undefined;
    }
    return value;
  }

  oneOf<T extends string>(value: unknown, at: string, allowed: readonly T[]): T | undefined {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.add(at, 'enum', `Bitte einen der vorgesehenen Werte wählen: ${allowed.join(', ')}.`, { allowed: [...allowed] });
      return undefined;
    }
    return value as T;
  }

  uuid(value: unknown, at: string): string | undefined {
    if (typeof value !== 'string' || !UUID.test(value)) {
      this.add(at, 'format.uuid', 'Bitte einen Eintrag aus der Liste auswählen (gültige Kennung).');
      return undefined;
    }
    return value;
  }

  key(value: unknown, at: string): string | undefined {
    if (typeof value !== 'string' || !/^[a-z0-9][a-z0-9_-]{0,63}$/.test(value)) {
      this.add(at, 'format.key', 'Bitte einen Schlüssel aus Kleinbuchstaben, Ziffern, _ oder - angeben (höchstens 64 Zeichen).');
      return undefined;
    }
    return value;
  }
}
