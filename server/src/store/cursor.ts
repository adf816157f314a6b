/** A `list({ after })` cursor the store did not make: a client's error, answered with 400. */
export class InvalidCursorError extends Error {
  constructor() {
    super('This page link is not valid (its "after" value was changed or cut). Start again from the first page.');
    this.name = 'InvalidCursorError';
  }
}

/** Where a page ended: listings are ordered by `createdAt` then `id`, both descending. */
export interface CursorPosition {
  createdAt: string;
  id: string;
}

/** Opaque to clients, so the ordering can change without breaking their links' meaning. */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    typeof parsed[0] !== 'string' ||
    typeof parsed[1] !== 'string' ||
    Number.isNaN(Date.parse(parsed[0]))
  ) {
    throw new InvalidCursorError();
  }
  return { createdAt: new Date(parsed[0]).toISOString(), id: parsed[1] };
}
