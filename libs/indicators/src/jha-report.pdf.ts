import PDFDocument from 'pdfkit';
import { germanEuro } from '@sro/common';
import type { JhaReport } from './jha-report.service';

/** The section headings of the report, in order (the web page uses the same). */
export const JHA_SECTIONS = {
  phases: 'Phasenstand der Sozialräume',
  budget: 'Sozialraumbudget: zugewiesen und ausgegeben',
  interviews: 'Interviews mit den Vertragspartnern',
  index: 'Sozialindex: Rangfolge und Veränderung',
  risk: 'Gefährdungseinschätzungen nach § 8a SGB VIII (anonymisiert)',
  preventive: 'Anteil fallunspezifischer Arbeit',
} as const;

const percent = (share: number | null) =>
  share === null ? '–' : `${(share * 100).toLocaleString('de-DE', { maximumFractionDigits: 1 })} %`;
const number = (n: number | null, digits = 1) =>
  n === null ? '–' : n.toLocaleString('de-DE', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/**
 * The report as an A4 PDF (pdfkit, its built-in Helvetica: no font files, no network): title, one
 * section per heading with a table, bar charts for the index and the budget.
 */
export function renderJhaReportPdf(report: JhaReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: `Bericht an den Jugendhilfeausschuss ${report.year} – ${report.scope.name}`, Author: 'SRO Engine' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const heading = (text: string) => {
    if (doc.y > doc.page.height - 160) doc.addPage();
    doc.moveDown(1).font('Helvetica-Bold').fontSize(13).fillColor('#1a3d6d').text(text, left).moveDown(0.3);
    doc.font('Helvetica').fontSize(9).fillColor('black');
  };
  const row = (cells: string[], widths: number[], bold = false) => {
    if (doc.y > doc.page.height - 70) doc.addPage();
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    let x = left;
    let bottom = y;
    cells.forEach((c, i) => {
      doc.text(c, x, y, { width: widths[i] - 4 });
      bottom = Math.max(bottom, doc.y);
      x += widths[i];
    });
    doc.x = left;
    doc.y = bottom + 2;
  };
  // Label, bar, and the value beside the bar: the longest value text sets how long the longest bar may be, so no text wraps onto the next bar.
  const bars = (items: Array<{ label: string; value: number; max: number; text: string }>, color: string) => {
    doc.font('Helvetica').fontSize(8);
    const textWidth = Math.max(0, ...items.map((item) => doc.widthOfString(item.text)));
    const barSpace = Math.max(40, width - 160 - textWidth - 10);
    for (const item of items) {
      if (doc.y > doc.page.height - 70) doc.addPage();
      const y = doc.y;
      doc.font('Helvetica').fontSize(8).fillColor('black').text(item.label, left, y, { width: 150 });
      const labelBottom = doc.y;
      const barWidth = item.max > 0 ? Math.max(1, (barSpace * item.value) / item.max) : 1;
      doc.rect(left + 155, y, barWidth, 8).fill(color);
      doc.fillColor('black').text(item.text, left + 160 + barWidth, y, { lineBreak: false });
      doc.x = left;
      doc.y = Math.max(y + 12, labelBottom + 2);
    }
  };

  doc.font('Helvetica-Bold').fontSize(18).text(`Bericht an den Jugendhilfeausschuss ${report.year}`);
  doc.font('Helvetica').fontSize(11).text(report.scope.name);
  doc
    .fontSize(8)
    .fillColor('#555')
    .text(
      `Erstellt am ${new Date(report.generatedAt).toLocaleString('de-DE', { timeZone: 'Europe/Berlin' })} aus anonymisierten Planungsdaten.`,
    );
  if (report.inventedIndicators) doc.text('Hinweis: Die Indikatorwerte des Sozialindex sind erfundene Demodaten.');
  doc.fillColor('black');

  heading(JHA_SECTIONS.phases);
  row(['Sozialraum', 'Planregion', 'Phase', 'Stand'], [150, 150, 110, 85], true);
  for (const s of report.spaces)
    row(
      [
        s.name,
        s.planningRegionName,
        s.phase ? `${s.phase.phaseNumber ?? '–'} von 6: ${s.phase.phaseTitle ?? ''}` : 'kein Prozess',
        s.phase ? s.phase.statusLabel + (s.phase.overdue ? ', überfällig' : '') : '–',
      ],
      [150, 150, 110, 85],
    );

  heading(JHA_SECTIONS.budget);
  row(['Sozialraum / Maßnahme', 'Budget', 'Zugewiesen', 'Ausgegeben'], [215, 95, 95, 90], true);
  for (const s of report.spaces) {
    if (!s.budget) {
      row([s.name, 'nicht festgelegt', '–', '–'], [215, 95, 95, 90]);
      continue;
    }
    row(
      [s.name, germanEuro(s.budget.amountCents), germanEuro(s.budget.allocatedCents), germanEuro(s.budget.spentCents)],
      [215, 95, 95, 90],
      true,
    );
    for (const a of s.budget.allocations)
      row([`   ${a.title}`, '', germanEuro(a.allocatedCents), germanEuro(a.spentCents)], [215, 95, 95, 90]);
  }
  const maxBudget = Math.max(0, ...report.spaces.map((s) => s.budget?.allocatedCents ?? 0));
  if (maxBudget > 0) {
    doc.moveDown(0.5);
    bars(
      report.spaces
        .filter((s) => s.budget)
        .map((s) => ({
          label: s.name,
          value: s.budget!.spentCents,
          max: maxBudget,
          text: `${germanEuro(s.budget!.spentCents)} von ${germanEuro(s.budget!.allocatedCents)} ausgegeben`,
        })),
      '#2e7d32',
    );
  }

  heading(JHA_SECTIONS.interviews);
  const iv = report.interviews;
  doc.text(
    iv.cycleNumber === null
      ? 'Bis zum Ende des Jahres wurde kein Interviewzyklus begonnen.'
      : `Zyklus ${iv.cycleNumber}: ${iv.done} von ${iv.total - iv.withdrawn} Interviews geführt (Rücklaufquote ${percent(iv.responseRate)}; ${iv.withdrawn} zurückgezogen).`,
  );

  heading(JHA_SECTIONS.index);
  if (!report.index) doc.text('Für dieses Jahr liegt kein Sozialindex vor.');
  else {
    doc.text(
      `Methode Version ${report.index.methodVersion}; 100 = Durchschnitt des Landkreises, höher = mehr Bedarf; Rang 1 = höchster Bedarf von ${report.index.spacesRanked} Sozialräumen.`,
    );
    doc.moveDown(0.3);
    const ranked = report.spaces.filter((s) => s.index).sort((a, b) => a.index!.rank - b.index!.rank);
    row(['Rang', 'Sozialraum', 'Index', 'Veränderung', 'Rang im Vorjahr'], [45, 200, 70, 90, 90], true);
    for (const s of ranked)
      row(
        [
          String(s.index!.rank),
          s.name,
          number(s.index!.combinedIndex),
          s.index!.change === null ? '–' : `${s.index!.change > 0 ? '+' : ''}${number(s.index!.change)}`,
          s.index!.previousRank === null ? '–' : String(s.index!.previousRank),
        ],
        [45, 200, 70, 90, 90],
      );
    doc.moveDown(0.5);
    // Bars show the distance from the district average (100): the differences, not the common base.
    const max = Math.max(...ranked.map((s) => Math.abs(s.index!.combinedIndex - 100)), 1);
    bars(
      ranked.map((s) => ({
        label: s.name,
        value: Math.abs(s.index!.combinedIndex - 100),
        max,
        text: `${number(s.index!.combinedIndex)} (${s.index!.combinedIndex >= 100 ? 'über' : 'unter'} dem Durchschnitt)`,
      })),
      '#1a3d6d',
    );
  }

  heading(JHA_SECTIONS.risk);
  doc.text(
    'Abgeschlossene Gefährdungseinschätzungen des Jahres. Zahlen unter 5 werden als „<5“ ausgewiesen (und, wo sie sonst errechenbar wären, eine weitere Zahl).',
  );
  doc.moveDown(0.3);
  row(['Ergebnis', 'Anzahl'], [300, 100], true);
  for (const r of report.riskAssessments.byResult) row([r.label, r.display], [300, 100]);
  row(['Insgesamt', report.riskAssessments.total.display], [300, 100], true);
  doc.moveDown(0.3);
  row(['Sozialraum', 'Anzahl'], [300, 100], true);
  for (const s of report.spaces) row([s.name, s.riskAssessments.display], [300, 100]);

  heading(JHA_SECTIONS.preventive);
  const p = report.preventive;
  doc.text(
    p
      ? `Fallunspezifische Arbeit: ${percent(p.share)} der erfassten Zeit (Ziel ${percent(p.target)}); ${Math.round(p.preventiveMinutes / 60)} von ${Math.round((p.caseMinutes + p.preventiveMinutes + p.otherMinutes) / 60)} Stunden.`
      : 'Für dieses Jahr wurde keine Arbeitszeit auf die Sozialräume erfasst.',
  );
  doc.end();
  return done;
}
