/**
 * Reads a server-sent event stream with fetch: `next(predicate)` resolves with
 * the first `session` event's data that matches, from the events received
 * since the stream was opened (earlier ones are consumed in order).
 */
export async function openEventStream(url: string, headers: Record<string, string>) {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { Accept: 'text/event-stream', ...headers }, signal: abort.signal });
  if (res.status !== 200 || !res.body) throw new Error(`event stream: ${res.status} ${await res.text()}`);
  const contentType = res.headers.get('content-type') ?? '';
  const events: unknown[] = [];
  const waiters = new Set<() => void>();
  let buffer = '';
  let ended = false;
  void (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          if (lines.includes('event: session')) {
            const data = lines.find((l) => l.startsWith('data: '));
            if (data) events.push(JSON.parse(data.slice(6)));
          }
        }
        for (const w of waiters) w();
      }
    } catch {
      // aborted
    }
    ended = true;
    for (const w of waiters) w();
  })();

  let read = 0;
  return {
    contentType,
    /** The next event (after those already taken) that matches; fails after `timeoutMs`. */
    next<T>(match: (e: T) => boolean, timeoutMs = 15_000): Promise<T> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event; last: ${JSON.stringify(events.at(-1))}`));
        }, timeoutMs);
        const check = () => {
          while (read < events.length) {
            const e = events[read++] as T;
            if (match(e)) {
              clearTimeout(timer);
              waiters.delete(check);
              return resolve(e);
            }
          }
          if (ended) {
            clearTimeout(timer);
            waiters.delete(check);
            reject(new Error('the stream ended'));
          }
        };
        waiters.add(check);
        check();
      });
    },
    close: () => abort.abort(),
  };
}
