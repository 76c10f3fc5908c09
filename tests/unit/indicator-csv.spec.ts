import { parseGermanNumber, parseIndicatorCsv } from '@sro/indicators';

describe('indicator CSV (German format)', () => {
  it('reads numbers with decimal comma and thousands points, and refuses the ambiguous point', () => {
    expect(parseGermanNumber('12,5')).toBe(12.5);
    expect(parseGermanNumber('1.234,56')).toBe(1234.56);
    expect(parseGermanNumber('-0,25')).toBe(-0.25);
    expect(parseGermanNumber('42')).toBe(42);
    expect(parseGermanNumber('12.5')).toBeNull();
    expect(parseGermanNumber('1,2,3')).toBeNull();
    expect(parseGermanNumber('zwölf')).toBeNull();
  });

  it('parses rows with a BOM, CRLF, quoted cells and empty lines, keeping their line numbers', () => {
    const csv = '\uFEFFIndikator;Sozialraum;Kommune;Wert\r\nsgb2-kinder;SR01;;12,5\r\n\r\nvereine;"SR02";KOM02;1.001,0\r\n';
    const { rows, problems } = parseIndicatorCsv(csv);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 2, indicatorKey: 'sgb2-kinder', socialSpace: 'SR01', municipality: '', value: 12.5 },
      { line: 4, indicatorKey: 'vereine', socialSpace: 'SR02', municipality: 'KOM02', value: 1001 },
    ]);
  });

  it('lists every bad line with its number, column and code, in German', () => {
    const csv = ['Indikator;Sozialraum;Kommune;Wert', 'sgb2-kinder;SR01;;12.5', ';SR01;;1', 'a;b;c', 'x;;;', 'ok;SR03;;3'].join('\n');
    const { rows, problems } = parseIndicatorCsv(csv);
    expect(rows.map((r) => r.line)).toEqual([6]);
    expect(problems.map((p) => [p.params?.line, p.params?.column ?? null, p.code])).toEqual([
      [2, 'Wert', 'number.german'],
      [3, 'Indikator', 'required'],
      [4, null, 'csv.columns'],
      [5, 'Sozialraum', 'required'],
      [5, 'Wert', 'required'],
    ]);
    expect(problems[0]).toMatchObject({
      pointer: '/csv',
      message: 'Zeile 2, Spalte „Wert“: „12.5“ ist keine Zahl im deutschen Format (z. B. 1.234,5).',
    });
  });

  it('refuses a file without the header line', () => {
    const { problems } = parseIndicatorCsv('sgb2-kinder,SR01,,12');
    expect(problems).toEqual([expect.objectContaining({ code: 'csv.header', params: expect.objectContaining({ line: 1 }) })]);
  });

  it('refuses a file without values', () => {
    expect(parseIndicatorCsv('Indikator;Sozialraum;Kommune;Wert\n').problems[0].code).toBe('csv.empty');
  });
});
