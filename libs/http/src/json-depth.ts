import type { IncomingMessage, ServerResponse } from 'node:http';

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** How deeply a JSON text nests objects and arrays, read from its bytes without parsing it. */
export function jsonDepth(raw: Buffer): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i += 1) {
    const byte = raw[i];
    if (inString) {
      if (byte === BACKSLASH) i += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) deepest = Math.max(deepest, ++depth);
    else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) depth -= 1;
  }
  return deepest;
}

/** The error the body parser passes on for a body nested too deeply (see `fromBodyParser`). */
export class JsonTooDeepError extends Error {
  readonly type = 'entity.too.deep';
  readonly status = 400;

  constructor(readonly limit: number) {
    super(`JSON nesting deeper than ${limit} levels`);
  }
}

/**
 * A body-parser `verify` hook that refuses JSON nested deeper than `maxDepth`: validation and
 * transformation walk bodies recursively, and a few thousand levels exhaust the stack (a 500).
 */
export function limitJsonDepth(maxDepth: number): (req: IncomingMessage, res: ServerResponse, raw: Buffer) => void {
  return (_req, _res, raw) => {
    if (jsonDepth(raw) > maxDepth) throw new JsonTooDeepError(maxDepth);
  };
}
