import { diffWords } from '../../apps/web/src/agreements/wordDiff';
import { centsOf, euroText } from '../../apps/web/src/sozialraum/money';
import { allocationRows } from '../../apps/web/src/sozialraum/ledger';

describe('web helpers of the coordinator pages', () => {
  it('reads euro amounts as typed in Germany and refuses what is no amount', () => {
    expect(centsOf('1.500,50')).toBe(150050);
    expect(centsOf('1500')).toBe(150000);
    expect(centsOf(' 250,5 € ')).toBe(25050);
    expect(centsOf('zwölf')).toBeNull();
    expect(centsOf('1,234')).toBeNull();
    expect(euroText(500000)).toBe('5.000,00');
  });

  it('compares two agreement texts word by word, so that joining each side gives the text back', () => {
    const before = 'Die Parteien betreiben das Familienzentrum gemeinsam.';
    const after = 'Die Parteien betreiben das Familienzentrum gemeinsam und teilen die Kosten.';
    const parts = diffWords(before, after);
    expect(
      parts
        .filter((p) => p.kind !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe(before);
    expect(
      parts
        .filter((p) => p.kind !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe(after);
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['gemeinsam und teilen die Kosten.']);
  });

  it('folds reversals into their allocation: allocated net, spent, available', () => {
    const base = {
      kind: 'measure' as const,
      processId: null,
      measureKey: null,
      createdBy: 'c',
      createdAt: '2026-12-01T00:00:00Z',
      reason: null,
    };
    const rows = allocationRows({
      socialSpaceId: 's',
      year: 2026,
      isSet: true,
      amountCents: 500000,
      defaultAmountCents: 500000,
      allocatedCents: 20000,
      spentCents: 20000,
      availableCents: 480000,
      spendings: [],
      allocations: [
        { ...base, id: 'a', title: 'Elterncafé', amountCents: 150000, reversesId: null, spentCents: 20000 },
        { ...base, id: 'r', title: 'Storno', amountCents: -130000, reversesId: 'a', spentCents: 0, reason: 'entfällt' },
      ],
    });
    expect(rows).toEqual([expect.objectContaining({ allocatedCents: 20000, spentCents: 20000, availableCents: 0, reversed: true })]);
  });
});
