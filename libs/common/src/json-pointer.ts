/** Escapes one path segment for an RFC 6901 JSON pointer. */
function escapeSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Builds a JSON pointer (`/phases/2/duration`) from path segments. */
export function toPointer(segments: ReadonlyArray<string | number>): string {
  return segments.map((segment) => `/${escapeSegment(segment)}`).join('');
}
