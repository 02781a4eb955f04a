import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// First run in a real browser against the built server: setup link, workspace,
// logout, login, language switch, all under the production CSP.

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const admin = { name: 'Alex Admin', email: 'alex@example.org', password: 'ein-langes-passwort' };

let server: ChildProcess | undefined;
let dataDir: string | undefined;
let browser: Browser | undefined;
let page: Page;
let baseUrl: string;
let setupUrl: string;
const problems: string[] = [];

/** Asks the OS for a port nobody listens on. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts the built server and resolves with the setup link it prints. */
function startServer(port: number, dir: string): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), BILANZ_DATA_DIR: dir, BILANZ_EXAMPLE: 'false' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['dist/api/src/main.js'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  server = child;
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no setup link within 60 s; output:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const link = /https?:\/\/[^\s"']+\/setup#token=[^\s"']+/.exec(output)?.[0];
      if (link) {
        clearTimeout(timer);
        resolve(link);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}; output:\n${output}`));
    });
  });
}

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const status = await fetch(`${url}/healthz`).then((r) => r.status, () => 0);
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('/healthz did not answer 200 within 30 s');
}

/**
 * Chromium logs every 4xx response as a console error. These are the answers
 * the app expects and handles: "not logged in" and the deliberately wrong password.
 */
function isExpectedRejection(text: string, url: string): boolean {
  return (
    text.includes('status of 401') &&
    (url.endsWith('/api/v1/auth/me') || url.endsWith('/api/v1/auth/login'))
  );
}

const heading = () => page.getByRole('heading', { level: 1 });

beforeAll(async () => {
  const port = await freePort();
  dataDir = await mkdtemp(path.join(tmpdir(), 'bilanz-e2e-'));
  setupUrl = await startServer(port, dataDir);
  baseUrl = new URL(setupUrl).origin;
  await waitForHealth(baseUrl);

  browser = await chromium.launch({
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
  const context = await browser.newContext({ locale: 'de-DE' });
  page = await context.newPage();
  page.on('console', (message) => {
    const text = message.text();
    const isCspViolation = text.includes('Content Security Policy');
    if (isCspViolation || (message.type() === 'error' && !isExpectedRejection(text, message.location().url))) {
      problems.push(`console ${message.type()}: ${text} (${message.location().url})`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
});

afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    const timer = setTimeout(() => server?.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('first run in the browser', () => {
  it('creates the first admin from the setup link and hides the token', async () => {
    await page.goto(setupUrl);
    await expect.poll(() => heading().textContent()).toBe('Bilanz einrichten');
    await expect.poll(() => new URL(page.url()).hash).toBe('');
    expect(await page.locator('html').getAttribute('lang')).toBe('de');

    await page.getByLabel('Name', { exact: true }).fill(admin.name);
    await page.getByLabel('E-Mail-Adresse').fill(admin.email);
    await page.getByLabel('Passwort', { exact: true }).fill(admin.password);
    await page.getByLabel('Passwort wiederholen').fill(admin.password);
    await page.getByRole('button', { name: 'Konto anlegen' }).click();

    await page.waitForURL(`${baseUrl}/workspaces`);
    await expect.poll(() => heading().textContent()).toBe('Arbeitsbereiche');
    await page.getByText('Es gibt noch keine Arbeitsbereiche.', { exact: false }).waitFor();
  });

  it('creates a workspace and opens it', async () => {
    await page.getByLabel('Name des Arbeitsbereichs').fill('Netzwerk Süd');
    expect(await page.getByLabel('Kurzname').inputValue()).toBe('netzwerk-sued');
    await page.getByRole('button', { name: 'Arbeitsbereich anlegen' }).click();
    await page.getByRole('status').filter({ hasText: 'Arbeitsbereich „Netzwerk Süd“ angelegt.' }).waitFor();

    await page.getByRole('link', { name: 'Netzwerk Süd', exact: true }).click();
    await page.waitForURL(`${baseUrl}/w/netzwerk-sued`);
    await expect.poll(() => heading().textContent()).toBe('Netzwerk Süd');
    await page.getByText('Organisator*in', { exact: true }).waitFor();
    // The new page's heading has the focus, so screen readers announce it.
    await expect.poll(() => page.evaluate<string | undefined>('document.activeElement?.tagName')).toBe('H1');
  });

  it('logs out, refuses a wrong password in German, and logs in again', async () => {
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.waitForURL(`${baseUrl}/login`);
    await expect.poll(() => heading().textContent()).toBe('Anmelden');

    await page.getByLabel('E-Mail-Adresse').fill(admin.email);
    await page.getByLabel('Passwort').fill('das-ist-nicht-richtig');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('alert').filter({ hasText: 'E-Mail-Adresse oder Passwort ist falsch.' }).waitFor();

    await page.getByLabel('Passwort').fill(admin.password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(`${baseUrl}/workspaces`);
    await page.getByRole('link', { name: 'Netzwerk Süd', exact: true }).waitFor();
  });

  it('switches to English and keeps the choice', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => heading().textContent()).toBe('Workspaces');
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.reload();
    await expect.poll(() => heading().textContent()).toBe('Workspaces');

    await page.goto(`${baseUrl}/no-such-page`);
    await expect.poll(() => heading().textContent()).toBe('Page not found');
  });

  it('logged no console errors and no CSP violations', () => {
    expect(problems).toEqual([]);
  });
});
