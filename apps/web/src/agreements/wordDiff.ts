// A word diff of two versions of an agreement's text (longest common subsequence of words).

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

/** Words and the whitespace after them, so that joining the parts gives the text back. */
const tokens = (text: string) => text.match(/\S+\s*|\s+/g) ?? [];

/** Word diff by longest common subsequence (texts of agreements are a few thousand words at most). */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  // Common head and tail first: most revisions change a few places.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const table: Uint32Array[] = Array.from({ length: x.length + 1 }, () => new Uint32Array(y.length + 1));
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--)
      table[i][j] = x[i] === y[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = parts[parts.length - 1];
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  if (head) push('same', a.slice(0, head).join(''));
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      push('same', x[i]);
      i++;
      j++;
    } else if (table[i + 1][j] >= table[i][j + 1]) push('removed', x[i++]);
    else push('added', y[j++]);
  }
  while (i < x.length) push('removed', x[i++]);
  while (j < y.length) push('added', y[j++]);
  if (tail) push('same', a.slice(a.length - tail).join(''));
  return parts;
}
