// Small SVG charts without a charting library: the page draws what it needs and stays readable offline.

/** Five classes of a sequential blue scale (light = low, dark = high). */
export const CLASS_COLOURS = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];

export const formatNumber = (n: number | null | undefined, digits = 1) =>
  n === null || n === undefined ? '–' : n.toLocaleString('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Equal-interval classes between the smallest and the largest value. */
export function classesOf(values: number[]): { breaks: number[]; classOf: (v: number) => number } {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const step = (max - min) / CLASS_COLOURS.length || 1;
  const breaks = CLASS_COLOURS.map((_, i) => min + step * i);
  return { breaks: [...breaks, max], classOf: (v) => Math.min(CLASS_COLOURS.length - 1, Math.max(0, Math.floor((v - min) / step))) };
}

/** A line of values over the years (null gaps), with the district average dashed. */
export function TrendChart({
  points,
  label,
}: {
  points: Array<{ year: number; value: number | null; districtAverage: number | null }>;
  label: string;
}) {
  const all = points.flatMap((p) => [p.value, p.districtAverage]).filter((v): v is number => v !== null);
  if (all.length === 0 || points.length < 2) return null;
  const min = Math.min(...all);
  const max = Math.max(...all);
  const w = 140;
  const h = 36;
  const x = (i: number) => 4 + (i * (w - 8)) / (points.length - 1);
  const y = (v: number) => h - 4 - ((v - min) / (max - min || 1)) * (h - 8);
  const line = (pick: (p: (typeof points)[number]) => number | null) =>
    points
      .map((p, i) => (pick(p) === null ? null : `${x(i)},${y(pick(p)!)}`))
      .filter(Boolean)
      .join(' ');
  return (
    <svg width={w} height={h} role="img" aria-label={label} className="trend-chart">
      <polyline points={line((p) => p.districtAverage)} fill="none" stroke="#888" strokeDasharray="3 2" strokeWidth={1} />
      <polyline points={line((p) => p.value)} fill="none" stroke="#08519c" strokeWidth={2} />
    </svg>
  );
}

/** Horizontal bars, one per row; the text beside each bar carries the number (not colour alone). */
export function BarChart({
  rows,
  label,
  unit = '',
}: {
  rows: Array<{ label: string; value: number; text?: string }>;
  label: string;
  unit?: string;
}) {
  const max = Math.max(...rows.map((r) => Math.abs(r.value)), 1);
  const rowHeight = 18;
  return (
    <svg width="100%" viewBox={`0 0 760 ${rows.length * rowHeight + 4}`} role="img" aria-label={label} className="bar-chart">
      {rows.map((r, i) => (
        <g key={r.label} transform={`translate(0, ${i * rowHeight + 2})`}>
          <text x={0} y={12} fontSize={11}>
            {r.label.length > 58 ? `${r.label.slice(0, 56)} …` : r.label}
          </text>
          <rect x={340} y={2} height={12} width={Math.max(1, (Math.abs(r.value) / max) * 300)} fill={r.value < 0 ? '#b35806' : '#3182bd'} />
          <text x={345 + Math.max(1, (Math.abs(r.value) / max) * 300)} y={12} fontSize={11}>
            {r.text ?? `${formatNumber(r.value)}${unit}`}
          </text>
        </g>
      ))}
    </svg>
  );
}
