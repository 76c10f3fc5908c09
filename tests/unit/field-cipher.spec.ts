import { randomBytes } from 'node:crypto';
import { FieldCipher } from '@sro/cases';
import {
  DomainError,
  ErrorCode,
  isLegacySealed,
  openField,
  openLegacyField,
  SealedValueError,
  sealField,
  sealLegacyField,
} from '@sro/common';
import { AppConfig, parseKeyRing } from '@sro/config';
import { toProblem } from '@sro/http';

const ring = (...ids: string[]) => parseKeyRing(ids.map((id) => `${id}:${randomBytes(32).toString('base64')}`).join(','));
const cipherWith = (fieldKeys = ring('t1')) => new FieldCipher({ fieldKeys } as AppConfig);

const caseA = { table: 'case_file', column: 'personal_enc', rowId: '0b6c3d1e-6f1a-4f7e-9a51-2f0c1b2a3d4e' };
const personal = { familyName: 'Muster', givenNames: ['Erika'] };

describe('FieldCipher (sealed values bound to table, column and row)', () => {
  it('seals in the versioned format without plaintext and opens at the same place', () => {
    const cipher = cipherWith();
    const sealed = cipher.seal(personal, caseA);
    expect(sealed).toMatch(/^v2:t1\.[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(sealed.split('.')[1], 'base64').toString('latin1')).not.toContain('Muster');
    expect(cipher.open(sealed, caseA)).toEqual(personal);
  });

  it.each([
    ['another row', { ...caseA, rowId: '7d1f0e2a-0000-4000-8000-000000000001' }],
    ['another column of the same row', { ...caseA, column: 'content_enc' }],
    ['another table with the same id and column name', { ...caseA, table: 'help_plan' }],
  ])('refuses a value copied to %s with an integrity violation', (_what, elsewhere) => {
    const cipher = cipherWith();
    const sealed = cipher.seal(personal, caseA);
    let thrown: unknown;
    try {
      cipher.open(sealed, elsewhere);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect((thrown as DomainError).code).toBe(ErrorCode.IntegrityViolation);
    expect((thrown as DomainError).message).toMatch(/gehört nicht zu diesem Datensatz/);
    expect((thrown as DomainError).message).not.toContain('Muster');
  });

  it('answers an integrity violation as a 500 problem with its own type and a German detail, no internals', () => {
    const cipher = cipherWith();
    const sealed = cipher.seal(personal, caseA);
    let thrown: unknown;
    try {
      cipher.open(sealed, { ...caseA, rowId: 'other' });
    } catch (error) {
      thrown = error;
    }
    const { body } = toProblem(thrown);
    expect(body).toMatchObject({ status: 500, type: 'https://sro-engine.org/problems/integrity-violation' });
    expect(body.detail).toMatch(/case_file\.personal_enc/);
    expect(JSON.stringify(body)).not.toMatch(/stack|at Object|Muster/);
  });

  it('refuses a value in the old, unbound format (the migration re-seals those) and a tampered one', () => {
    const keys = ring('t1');
    const cipher = cipherWith(keys);
    const legacy = sealLegacyField(keys, Buffer.from(JSON.stringify(personal)));
    expect(isLegacySealed(legacy)).toBe(true);
    expect(() => cipher.open(legacy, caseA)).toThrow(/gehört nicht zu diesem Datensatz/);
    expect(() => openField(keys, legacy, caseA)).toThrow(expect.objectContaining({ failure: 'legacy-format' }));
    const sealed = cipher.seal(personal, caseA);
    const data = Buffer.from(sealed.split('.')[1], 'base64');
    data[14] ^= 0x01;
    expect(() => openField(keys, `v2:t1.${data.toString('base64')}`, caseA)).toThrow(SealedValueError);
    expect(() => openField(keys, 'v2:t1.not base64!', caseA)).toThrow(expect.objectContaining({ failure: 'malformed' }));
  });

  it('opens values of a retired key after rotation and seals with the new one', () => {
    const old = ring('t1');
    const sealed = sealField(old, Buffer.from('"Notiz"'), caseA);
    const rotated = parseKeyRing(`t2:${randomBytes(32).toString('base64')},t1:${old.keys.get('t1')!.toString('base64')}`);
    const cipher = cipherWith(rotated);
    expect(cipher.open(sealed, caseA)).toBe('Notiz');
    expect(cipher.seal('Notiz', caseA)).toMatch(/^v2:t2\./);
  });

  it('answers 503 (not an integrity violation) when the key of a value is not configured', () => {
    const sealed = cipherWith(ring('t9')).seal(personal, caseA);
    expect(() => cipherWith(ring('t1')).open(sealed, caseA)).toThrow(expect.objectContaining({ code: ErrorCode.Unavailable }));
  });

  it('opens the old format only through the migration helper, and only with the key it names', () => {
    const keys = ring('t1');
    const legacy = sealLegacyField(keys, Buffer.from('"alt"'));
    expect(openLegacyField(keys, legacy).toString()).toBe('"alt"');
    expect(() => openLegacyField(ring('t1'), legacy)).toThrow(SealedValueError);
  });

  it('refuses a place that is not a sealed column name', () => {
    expect(() => cipherWith().seal('x', { table: 'case_file', column: 'pseudonym', rowId: '1' })).toThrow(/ending in _enc/);
    expect(() => cipherWith().seal('x', { table: 'case_file', column: 'text_enc', rowId: '' })).toThrow(/needs its row id/);
  });
});
