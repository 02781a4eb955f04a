import argon2 from 'argon2';

/** argon2id with the library's defaults (64 MiB, 3 passes). */
export const hashPassword = (password: string): Promise<string> => argon2.hash(password, { type: argon2.argon2id });

// Verified against when the e-mail is unknown, so that an unknown account
// costs as much time as a wrong password and the two cannot be told apart.
let dummyHash: Promise<string> | undefined;

/** True when the password matches; with no hash (unknown user) does the same work and answers false. */
export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  if (hash === undefined) {
    dummyHash ??= hashPassword('no account has this password');
    await argon2.verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return argon2.verify(hash, password).catch(() => false);
}
