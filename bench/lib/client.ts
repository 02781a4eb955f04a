/** A minimal cookie-keeping JSON client for setting up benchmarks over HTTP. */
export class ApiClient {
  private cookie = '';
  constructor(readonly baseUrl: string) {}

  /** The session cookie, for load generators that send their own requests. */
  get cookieHeader(): string {
    return this.cookie;
  }

  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined && { 'Content-Type': 'application/json' }),
        ...(this.cookie && { Cookie: this.cookie }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/** Logs in as the configured admin and opens a link wave on the member survey template. */
export async function openMemberSurveyWave(
  baseUrl: string,
  admin: { email: string; password: string },
): Promise<{ key: string; waveId: string; client: ApiClient }> {
  const client = new ApiClient(baseUrl);
  await client.call('POST', '/api/v1/auth/login', admin);
  await client.call('POST', '/api/v1/workspaces', { slug: 'bench', name: 'Benchmark' });
  await client.call('POST', '/api/v1/workspaces/bench/questionnaires', {
    slug: 'mitglieder',
    template: 'mitgliederumfrage',
  });
  await client.call('POST', '/api/v1/workspaces/bench/questionnaires/mitglieder/publish', {});
  const wave = await client.call<{ id: string; key: string }>('POST', '/api/v1/workspaces/bench/waves', {
    questionnaire: 'mitglieder',
    version: 1,
    title: 'Bench',
    access: 'link',
  });
  return { key: wave.key, waveId: wave.id, client };
}
