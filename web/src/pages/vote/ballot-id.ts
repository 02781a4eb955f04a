/**
 * The phone's ballot in one session: a random id kept in localStorage, so
 * that the phone can change its votes until voting closes. It is never sent
 * anywhere but to this session's ballot route, and says nothing about the
 * person or the device.
 */
export function ballotId(sessionKey: string): string {
  const storageKey = `bilanz.ballot.${sessionKey}`;
  try {
    const stored = localStorage.getItem(storageKey);
    if (stored && /^[0-9a-f-]{36}$/.test(stored)) return stored;
    const id = crypto.randomUUID();
    localStorage.setItem(storageKey, id);
    return id;
  } catch {
    // No storage (private mode): the ballot lasts as long as the page.
    return crypto.randomUUID();
  }
}
