import { BadRequestError } from './errors';

/** Encodes the position after which the next page starts; opaque to clients. */
export function encodeCursor(after: string): string {
  return Buffer.from(JSON.stringify({ after }), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor from `encodeCursor`, optionally requiring the position to match `shape`. A tampered or
 * foreign cursor is a 400 naming `cursor`, never a silent first page.
 */
export function decodeCursor(cursor: string, shape?: RegExp): string {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (parsed && typeof parsed === 'object' && 'after' in parsed && typeof parsed.after === 'string') {
      if (!shape || shape.test(parsed.after)) return parsed.after;
    }
  } catch {
    // fall through to the 400 below
  }
  throw new BadRequestError(`cursor "${cursor}" is not a cursor this API issued`, [{ path: 'cursor', message: 'invalid cursor' }]);
}
