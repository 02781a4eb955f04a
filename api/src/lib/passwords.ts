import argon2 from 'argon2';

/** argon2id's cost: memory in KiB and passes over it. */
export type PasswordHashCost = { memoryKiB: number; passes: number };

/** argon2's defaults (64 MiB, 3 passes): what every real server uses unless BILANZ_ARGON2_* says otherwise. */
export const PRODUCTION_PASSWORD_COST: PasswordHashCost = Object.freeze({ memoryKiB: 65_536, passes: 3 });

// Set once at start from the configuration (main.ts); tests lower it, since
// at the production cost every hash takes about 0.2 s of a core.
let cost: PasswordHashCost = PRODUCTION_PASSWORD_COST;

/** Sets the cost of new hashes (and of the check for unknown accounts); returns the one it replaces. */
export function setPasswordHashCost(next: PasswordHashCost): PasswordHashCost {
  const previous = cost;
  cost = next;
  return previous;
}

/** argon2id at the configured cost; a hash carries its cost, so older hashes still verify. */
export const hashPassword = (password: string, at: PasswordHashCost = cost): Promise<string> =>
  argon2.hash(password, { type: argon2.argon2id, memoryCost: at.memoryKiB, timeCost: at.passes });

// Verified against when the e-mail is unknown, so that an unknown account
// costs as much time as a wrong password and the two cannot be told apart.
// One per cost, made at the cost new accounts get.
const dummyHashes = new Map<string, Promise<string>>();

/** True when the password matches; with no hash (unknown user) does the same work and answers false. */
export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  if (hash === undefined) {
    const key = `${cost.memoryKiB}/${cost.passes}`;
    let dummy = dummyHashes.get(key);
    if (!dummy) {
      dummy = hashPassword('no account has this password');
      dummyHashes.set(key, dummy);
    }
    await argon2.verify(await dummy, password).catch(() => false);
    return false;
  }
  return argon2.verify(hash, password).catch(() => false);
}
