import { computeSocialIndex, IndexInput, meanAndDeviation, spaceValues, suppressSmallCells } from '@sro/indicators';

/** Three social spaces A, B, C and three indicators; the expected numbers were computed by hand (see below). */
const UNITS = ['A', 'B', 'C'];
const values = (a: number, b: number, c: number) =>
  new Map([
    ['A', a],
    ['B', b],
    ['C', c],
  ]);
const inputs = (weights: { n1: number; n2: number; r1: number }): IndexInput[] => [
  // n1: mean 20, sd √(200/3) = 8.16497 → z = −1.224745, 0, 1.224745
  { key: 'n1', direction: 'need', weight: weights.n1, values: values(10, 20, 30) },
  // n2: mean 6.3333, sd √(4.6667/3) = 1.247219 → z = −1.069045, −0.267261, 1.336306
  { key: 'n2', direction: 'need', weight: weights.n2, values: values(5, 6, 8) },
  // r1 (resource): mean 40, sd 16.32993 → z = −1.224745, 1.224745, 0; aligned (−z) = 1.224745, −1.224745, 0
  { key: 'r1', direction: 'resource', weight: weights.r1, values: values(20, 60, 40) },
];
const byUnit = (results: ReturnType<typeof computeSocialIndex>) => Object.fromEntries(results.map((r) => [r.unitId, r]));

describe('Sozialindex computation', () => {
  it('z-standardises with the population standard deviation', () => {
    const { mean, sd } = meanAndDeviation([10, 20, 30]);
    expect(mean).toBe(20);
    expect(sd).toBeCloseTo(8.16497, 5);
  });

  it('matches the hand-computed need, resource and combined indices, ranking and contributions', () => {
    const r = byUnit(computeSocialIndex(UNITS, inputs({ n1: 2, n2: 1, r1: 1 })));
    // need A = (2·−1.224745 + −1.069045) / 3 = −1.172845 → 100 + 10·score = 88.27
    expect(r.A).toMatchObject({ needIndex: 88.27, resourceIndex: 87.75, combinedIndex: 94.27, rank: 3 });
    // combined B = (0 + −0.267261 + −1.224745) / 4 = −0.373002 → 96.27
    expect(r.B).toMatchObject({ needIndex: 99.11, resourceIndex: 112.25, combinedIndex: 96.27, rank: 2 });
    // combined C = (2·1.224745 + 1.336306 + 0) / 4 = 0.946449 → 109.46
    expect(r.C).toMatchObject({ needIndex: 112.62, resourceIndex: 100, combinedIndex: 109.46, rank: 1 });
    // contribution = weight · aligned z / Σ weights; they add up to the combined score
    expect(r.A.contributions.map((c) => [c.indicatorKey, c.contribution])).toEqual([
      ['n1', -0.6124],
      ['n2', -0.2673],
      ['r1', 0.3062],
    ]);
    expect(r.A.contributions.find((c) => c.indicatorKey === 'r1')).toMatchObject({ value: 20, z: -1.2247, alignedZ: 1.2247 });
    expect(r.C.contributions.find((c) => c.indicatorKey === 'r1')!.contribution).toBe(0);
    const sum = r.A.contributions.reduce((s, c) => s + c.contribution, 0);
    expect(100 + 10 * sum).toBeCloseTo(r.A.combinedIndex, 1);
  });

  it('changes the ranking when the weights change', () => {
    const r = byUnit(computeSocialIndex(UNITS, inputs({ n1: 1, n2: 1, r1: 10 })));
    // combined A = (−1.224745 − 1.069045 + 10·1.224745) / 12 = 0.829472 → 108.29
    expect([r.A.rank, r.C.rank, r.B.rank]).toEqual([1, 2, 3]);
    expect([r.A.combinedIndex, r.B.combinedIndex, r.C.combinedIndex]).toEqual([108.29, 89.57, 102.13]);
  });

  it('leaves out indicators of weight 0 and counts a missing value as the average (z = 0)', () => {
    const list = inputs({ n1: 1, n2: 0, r1: 0 });
    list[0].values = new Map([
      ['A', 10],
      ['B', 30],
    ]);
    const r = byUnit(computeSocialIndex(UNITS, list));
    expect(r.A.contributions.map((c) => c.indicatorKey)).toEqual(['n1']);
    expect(r.C.contributions[0]).toMatchObject({ value: null, z: 0 });
    expect([r.A.combinedIndex, r.B.combinedIndex, r.C.combinedIndex]).toEqual([90, 110, 100]);
    expect(r.A.resourceIndex).toBeNull();
  });

  it('gives every unit z = 0 for an indicator that does not vary', () => {
    const r = computeSocialIndex(UNITS, [{ key: 'k', direction: 'need', weight: 1, values: values(3, 3, 3) }]);
    expect(r.map((x) => x.combinedIndex)).toEqual([100, 100, 100]);
  });

  it('takes the mean of the municipalities for a municipality indicator', () => {
    const perSpace = spaceValues(
      [{ key: 'q', level: 'municipality' } as never, { key: 's', level: 'social_space' } as never],
      [
        { indicatorKey: 'q', year: 2025, socialSpaceId: null, municipalityId: 'm1', value: 2, invented: false },
        { indicatorKey: 'q', year: 2025, socialSpaceId: null, municipalityId: 'm2', value: 4, invented: false },
        { indicatorKey: 's', year: 2025, socialSpaceId: 'S', municipalityId: null, value: 7, invented: false },
      ],
      new Map([
        ['m1', 'S'],
        ['m2', 'S'],
      ]),
    );
    expect(perSpace.get('q')!.get('S')).toBe(3);
    expect(perSpace.get('s')!.get('S')).toBe(7);
  });
});

describe('small-cell suppression of the § 8a figures', () => {
  it('shows counts from 5 and zero, hides 1–4 as "<5" and one more when a single hidden cell could be computed back', () => {
    const { cells, total } = suppressSmallCells([12, 3, 0, 7]);
    expect(cells.map((c) => c.display)).toEqual(['12', '<5', '0', '<5']);
    expect(total).toEqual({ count: 22, display: '22' });
  });

  it('hides a small total', () => {
    const { cells, total } = suppressSmallCells([2, 1]);
    expect(cells.map((c) => c.count)).toEqual([null, null]);
    expect(total.display).toBe('<5');
  });
});
