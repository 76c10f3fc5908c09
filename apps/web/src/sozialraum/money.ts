// Euro amounts as people in a German office type them; the API speaks cents.

/** Euro as typed in Germany ("1.500,50", "1500", "1500,5 €") → cents; null when it is no amount. */
export function centsOf(text: string): number | null {
  const cleaned = text.replace(/€/g, '').replace(/\s/g, '').replace(/\./g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}

/** Cents → "1.500,00" for an input. */
export const euroText = (cents: number | null | undefined) =>
  cents === null || cents === undefined
    ? ''
    : (cents / 100).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
