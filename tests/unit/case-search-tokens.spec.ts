import { caseTokens, foldedWords, normaliseDate, prefixesOf, searchTerms } from '@sro/cases';

describe('search tokens of case names (the plain side of the blind index)', () => {
  it('folds umlauts both ways, ß to ss, accents away, and splits double names', () => {
    expect(foldedWords('Müller-Lüdenscheidt').sort()).toEqual(['ludenscheidt', 'luedenscheidt', 'muller', 'mueller'].sort());
    expect(foldedWords('Straße')).toEqual(['strasse']);
    expect(foldedWords('STRASSE')).toEqual(['strasse']);
    expect(foldedWords('Renée')).toEqual(['renee']);
    // Decomposed input (u + combining diaeresis) folds like the composed one.
    expect(foldedWords('Mu\u0308ller').sort()).toEqual(['mueller', 'muller']);
  });

  it('indexes every prefix from three characters and short names whole', () => {
    expect(prefixesOf('mueller')).toEqual(['mue', 'muel', 'muell', 'muelle', 'mueller']);
    expect(prefixesOf('li')).toEqual(['li']);
    expect(caseTokens({ familyName: 'Öz', givenNames: ['Jo'], birthDates: ['2015-03-12', 'kein Datum'] }).sort()).toEqual(
      ['date:2015-03-12', 'name:jo', 'name:oez', 'name:oz'].sort(),
    );
  });

  it('reads dates in German and ISO notation and nothing else', () => {
    expect(normaliseDate('12.03.2015')).toBe('2015-03-12');
    expect(normaliseDate('1.3.2015')).toBe('2015-03-01');
    expect(normaliseDate('2015-03-12')).toBe('2015-03-12');
    expect(normaliseDate('2015')).toBeUndefined();
  });

  it('makes one term per word, the spellings of a word satisfying it alike', () => {
    expect(searchTerms('  Anna   Müller ')).toEqual([['name:anna'], ['name:mueller', 'name:muller']]);
    expect(searchTerms('Mueller')).toEqual([['name:mueller']]);
    expect(searchTerms('12.03.2015 Anna')).toEqual([['date:2015-03-12'], ['name:anna']]);
    expect(searchTerms('!!! ...')).toEqual([]);
    // "Mueller" typed finds what "Müller" indexed: the query's token is among the case's.
    const indexed = caseTokens({ familyName: 'Müller', givenNames: [], birthDates: [] });
    for (const query of ['Mueller', 'Muller', 'Müll', 'muel']) {
      expect(searchTerms(query)[0].some((t) => indexed.includes(t))).toBe(true);
    }
    expect(searchTerms('Meier')[0].some((t) => indexed.includes(t))).toBe(false);
  });
});
