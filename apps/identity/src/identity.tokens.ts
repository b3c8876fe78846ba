/** Injection tokens for values built before the Nest module (they need async I/O first). */
export const SIGNING_KEY = Symbol('SIGNING_KEY');
export const IDENTITY_PRISMA = Symbol('IDENTITY_PRISMA');
