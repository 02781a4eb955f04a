import { createHash, randomBytes } from 'node:crypto';

/** A random, URL-safe secret of 256 bits (setup links, invitations, API tokens). */
export const newSecretToken = (): string => randomBytes(32).toString('base64url');

/**
 * Secrets are stored only as this hash. A fast hash suffices: the tokens carry
 * 256 random bits, so there is nothing to guess from the hash.
 */
export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');
