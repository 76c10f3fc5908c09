import type { FieldProblem } from '@sro/common';

/** The columns of an indicator import file, in this order (a header line names them). */
export const CSV_COLUMNS = ['Indikator', 'Sozialraum', 'Kommune', 'Wert'] as const;

/** One data row as written in the file; codes still unresolved. */
export interface CsvRow {
  /** Line number in the file (1 = header). */
  line: number;
  indicatorKey: string;
  socialSpace: string;
  municipality: string;
  value: number;
}

const GERMAN_NUMBER = /^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;

/** `1.234,5` → 1234.5; `12,30` → 12.3; null for anything else (`12.5` is ambiguous and refused). */
export function parseGermanNumber(text: string): number | null {
  const t = text.trim();
  if (!GERMAN_NUMBER.test(t)) return null;
  const n = Number(t.replace(/\./g, '').replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

/** A problem of one cell (or line), addressed by line and column so a person can find it in the file. */
export function rowProblem(
  line: number,
  column: string | null,
  code: string,
  message: string,
  params: Record<string, unknown> = {},
): FieldProblem {
  return {
    pointer: '/csv',
    code,
    message: column ? `Zeile ${line}, Spalte „${column}“: ${message}` : `Zeile ${line}: ${message}`,
    params: { line, ...(column ? { column } : {}), ...params },
  };
}

/** Splits one line at `;`, honouring double quotes (`"a;b"` is one cell, `""` a quote). */
function cells(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      out.push(cell);
      cell = '';
    } else cell += c;
  }
  out.push(cell);
  return out.map((s) => s.trim());
}

/**
 * Parses an indicator file in the German spreadsheet format: `;` separated, decimal comma, a header
 * line `Indikator;Sozialraum;Kommune;Wert`, one value per line (UTF-8, optional BOM, empty lines
 * ignored). Checks the shape of every line and returns all problems at once, each with its line
 * number and column; the references (indicator, social space, municipality) are checked by the caller.
 */
export function parseIndicatorCsv(text: string): { rows: CsvRow[]; problems: FieldProblem[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems: FieldProblem[] = [];
  const rows: CsvRow[] = [];
  const header = cells(lines[0] ?? '').map((h) => h.toLowerCase());
  if (header.length !== CSV_COLUMNS.length || CSV_COLUMNS.some((c, i) => header[i] !== c.toLowerCase())) {
    problems.push(
      rowProblem(1, null, 'csv.header', `Die erste Zeile muss die Spalten ${CSV_COLUMNS.join(';')} nennen.`, {
        expected: CSV_COLUMNS.join(';'),
      }),
    );
    return { rows, problems };
  }
  for (let i = 1; i < lines.length; i++) {
    const line = i + 1;
    if (lines[i].trim() === '') continue;
    const c = cells(lines[i]);
    if (c.length !== CSV_COLUMNS.length) {
      problems.push(
        rowProblem(
          line,
          null,
          'csv.columns',
          `Die Zeile hat ${c.length} statt ${CSV_COLUMNS.length} Spalten (Trennzeichen ist das Semikolon).`,
          {
            expected: CSV_COLUMNS.length,
            actual: c.length,
          },
        ),
      );
      continue;
    }
    const [indicatorKey, socialSpace, municipality, rawValue] = c;
    let ok = true;
    if (!indicatorKey) ok = !problems.push(rowProblem(line, 'Indikator', 'required', 'Bitte den Schlüssel des Indikators angeben.'));
    if (!socialSpace && !municipality)
      ok = !problems.push(rowProblem(line, 'Sozialraum', 'required', 'Bitte den Sozialraum oder die Kommune angeben.'));
    const value = parseGermanNumber(rawValue);
    if (rawValue === '') ok = !problems.push(rowProblem(line, 'Wert', 'required', 'Bitte einen Wert angeben.'));
    else if (value === null)
      ok = !problems.push(
        rowProblem(line, 'Wert', 'number.german', `„${rawValue.slice(0, 40)}“ ist keine Zahl im deutschen Format (z. B. 1.234,5).`),
      );
    if (ok) rows.push({ line, indicatorKey, socialSpace, municipality, value: value! });
  }
  if (rows.length === 0 && problems.length === 0) problems.push(rowProblem(2, null, 'csv.empty', 'Die Datei enthält keine Werte.'));
  return { rows, problems };
}
