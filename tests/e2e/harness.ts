import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { freePort, startServer, type ServerProcess } from '../helpers/server-process.js';

// Plumbing shared by the browser tests: the built server on a throwaway
// embedded database, Debian's Chromium, and a log of what the page complained about.

export type BuiltServer = {
  baseUrl: string;
  port: number;
  dataDir: string;
  server: ServerProcess;
  /** Stops the server (SIGKILL if it has not exited within 10 s) and removes the data dir. */
  stop(): Promise<void>;
};

/**
 * Starts `dist/api/src/main.js` the way it runs in production, on a free port
 * and a fresh temporary data dir, and resolves once `/healthz` answers 200.
 * DATABASE_URL is removed so the embedded database is used even where the
 * developer's shell points at a PostgreSQL; the example workspace is off so
 * every test starts empty. Without `admin`, the server prints a setup link.
 * `host` is the name the browser uses for the server.
 */
export async function startBuiltServer(
  options: {
    admin?: { email: string; password: string };
    env?: Record<string, string | undefined>;
    host?: string;
  } = {},
): Promise<BuiltServer> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'bilanz-e2e-'));
  // The example workspace is loaded on an instance's very first start only: those servers start from nothing.
  if (options.env?.BILANZ_EXAMPLE !== 'true') await cp(await migratedTemplate(), dataDir, { recursive: true });
  const server = startServer(
    {
      PORT: String(port),
      BILANZ_DATA_DIR: dataDir,
      BILANZ_EXAMPLE: 'false',
      BILANZ_ADMIN_EMAIL: options.admin?.email,
      BILANZ_ADMIN_PASSWORD: options.admin?.password,
      DATABASE_URL: undefined,
      ...options.env,
    },
    'dist/api/src/main.js',
  );
  const stop = async () => {
    const timer = setTimeout(() => server.child.kill('SIGKILL'), 10_000);
    await server.stop();
    clearTimeout(timer);
    await rm(dataDir, { recursive: true, force: true });
  };
  const baseUrl = `http://${options.host ?? 'localhost'}:${port}`;
  try {
    await waitForHealth(baseUrl, server);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, port, dataDir, server, stop };
}

/**
 * An empty, migrated embedded database, made once per build and copied for
 * every server: creating and migrating one takes about 4 s of the 7 s a
 * server needs to start on a fresh directory. It has no user (each server
 * prints its own setup link, or creates the admin it is given) and no data.
 * Keyed by the build and the migrations, so a rebuild makes a new one.
 */
async function migratedTemplate(): Promise<string> {
  const root = path.resolve(import.meta.dirname, '../..');
  const migrations = (await readdir(path.join(root, 'migrations'))).sort().join('|');
  const built = (await stat(path.join(root, 'dist/api/src/main.js'))).mtimeMs;
  const key = createHash('sha256').update(`${built}|${migrations}`).digest('hex').slice(0, 16);
  const template = path.join(tmpdir(), `bilanz-e2e-template-${key}`);
  if (
    await stat(template).then(
      () => true,
      () => false,
    )
  )
    return template;
  const making = await mkdtemp(path.join(tmpdir(), 'bilanz-e2e-making-'));
  const port = await freePort();
  const server = startServer(
    { PORT: String(port), BILANZ_DATA_DIR: making, BILANZ_EXAMPLE: 'false', DATABASE_URL: undefined },
    'dist/api/src/main.js',
  );
  await waitForHealth(`http://127.0.0.1:${port}`, server);
  if ((await server.stop()) !== 0)
    throw new Error(`the template server did not stop cleanly; output:\n${server.output()}`);
  // Another test file may have made it meanwhile: the first rename wins.
  await rename(making, template).catch(async () => rm(making, { recursive: true, force: true }));
  return template;
}

/** Polls `/healthz`: the port is open before the database is ready, so "listening" is not enough. */
async function waitForHealth(baseUrl: string, server: ServerProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null)
      throw new Error(`server exited with ${server.child.exitCode}; output:\n${server.output()}`);
    const status = await fetch(`${baseUrl}/healthz`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`/healthz did not answer 200 within ${timeoutMs / 1000} s; output:\n${server.output()}`);
}

/**
 * Debian's Chromium (playwright-core brings no browser of its own), without
 * the sandbox (containers) and without the background traffic that would
 * otherwise show up as noise or slow the tests down.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

export type ProblemLog = {
  /** One line per console error, page error or CSP message; a test asserts it stays empty. */
  problems: string[];
  /** Starts collecting from a page; several pages may share one log. */
  watch(page: Page): Page;
};

/**
 * Collects what a page complains about. CSP messages always count, whatever
 * their level, since the production CSP is part of what the tests check.
 * Console errors count unless `isExpected` says the app provoked them on purpose
 * (Chromium logs every 4xx answer and every aborted request as a console error).
 */
export function problemLog(isExpected: (text: string, url: string) => boolean): ProblemLog {
  const problems: string[] = [];
  return {
    problems,
    watch(page) {
      page.on('console', (message) => {
        const text = message.text();
        const isCspViolation = text.includes('Content Security Policy');
        if (isCspViolation || (message.type() === 'error' && !isExpected(text, message.location().url))) {
          problems.push(`console ${message.type()}: ${text} (${message.location().url})`);
        }
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      return page;
    },
  };
}

export type ApiResult<T> = { status: number; body: T };

/**
 * The API as an organiser's script would use it: JSON, keeping the session
 * cookie, so tests can set up workspaces and waves without clicking.
 */
export class ApiClient {
  /** `name=value` of the session cookie once logged in. */
  sessionCookie = '';
  constructor(private readonly baseUrl: string) {}

  async call<T>(method: string, apiPath: string, body?: unknown): Promise<ApiResult<T>> {
    const response = await fetch(`${this.baseUrl}/api/v1${apiPath}`, {
      method,
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        ...(this.sessionCookie && { Cookie: this.sessionCookie }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.getSetCookie()[0];
    if (setCookie) this.sessionCookie = setCookie.split(';')[0]!;
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  /** The call's body, or an error naming the unexpected status. */
  async expect<T>(status: number, method: string, apiPath: string, body?: unknown): Promise<T> {
    const result = await this.call<T>(method, apiPath, body);
    if (result.status !== status)
      throw new Error(`expected ${status}, got ${result.status}: ${JSON.stringify(result.body)}`);
    return result.body;
  }

  /** The session cookie for a browser context, so the page starts logged in. */
  browserCookie(): { name: string; value: string; url: string } {
    const at = this.sessionCookie.indexOf('=');
    return { name: this.sessionCookie.slice(0, at), value: this.sessionCookie.slice(at + 1), url: this.baseUrl };
  }
}

/** A desktop browser with German as its language: what most tests use. */
export const desktop = {
  locale: 'de-DE',
  viewport: { width: 1280, height: 900 },
} as const satisfies BrowserContextOptions;

/** A phone with German as its language: members answer on their phones. */
export const phone = {
  locale: 'de-DE',
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
} as const satisfies BrowserContextOptions;

export type PageOptions = BrowserContextOptions & {
  /** Whose session the page starts with; without one the page starts logged out. */
  session?: ApiClient;
  /** How long the page waits for anything, in ms (15 s unless given). */
  timeout?: number;
};

export type BrowserSuite = {
  /** The built server; set once the suite's `beforeAll` has run. */
  readonly server: BuiltServer;
  readonly baseUrl: string;
  readonly browser: Browser;
  /** An API client, logged in as `admin` when the suite has one. */
  readonly client: ApiClient;
  /**
   * A page in a new browser context (its own cookies and storage), `desktop`
   * unless the options say otherwise, watched by the suite's problem log.
   */
  newPage(options?: PageOptions): Promise<Page>;
};

/**
 * The setup every browser test file shares: registers a `beforeAll` that
 * starts the built server (see `startBuiltServer`), logs the API client in
 * as `admin` if given, and launches Chromium, and an `afterAll` that closes
 * both. Call it at the top level of a test file, before the file's own
 * `beforeAll` (hooks run in the order they are registered), and read the
 * suite's fields from within hooks and tests.
 */
export function browserSuite(
  options: Parameters<typeof startBuiltServer>[0] & {
    /** What the pages may complain about; see `problemLog`. */
    log: ProblemLog;
  },
): BrowserSuite {
  const { log, ...serverOptions } = options;
  let server: BuiltServer | undefined;
  let browser: Browser | undefined;
  let client: ApiClient | undefined;
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the browser suite has not started: read it inside a hook or a test');
    return value;
  };

  beforeAll(async () => {
    server = await startBuiltServer(serverOptions);
    client = new ApiClient(server.baseUrl);
    if (serverOptions.admin) await client.expect(200, 'POST', '/auth/login', serverOptions.admin);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  return {
    get server() {
      return started(server);
    },
    get baseUrl() {
      return started(server).baseUrl;
    },
    get browser() {
      return started(browser);
    },
    get client() {
      return started(client);
    },
    async newPage({ session, timeout = 15_000, ...contextOptions } = {}) {
      const context = await started(browser).newContext({ ...desktop, ...contextOptions });
      // The cookie as the server sets it, so the page starts logged in without a 401 on the way.
      if (session) await context.addCookies([{ ...session.browserCookie(), httpOnly: true, sameSite: 'Lax' }]);
      const page = log.watch(await context.newPage());
      page.setDefaultTimeout(timeout);
      return page;
    },
  };
}

/**
 * The one-time setup link a server started without `admin` prints. The
 * lookahead waits for the end of the line, so a token split across two
 * output chunks is never cut short.
 */
export async function setupLink(server: BuiltServer): Promise<string> {
  return (await server.server.waitFor(/https?:\/\/[^\s"']+\/setup#token=[^\s"']+(?=\s)/))[0];
}

/**
 * Violations axe rates serious or critical, as "rule (impact): target"
 * lines; a test asserts the list is empty. `include` limits the check to a
 * part of the page.
 */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`));
}
