import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../api/src/config.js';

describe('loadConfig', () => {
  it('has a default for everything', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      dataDir: path.resolve('./data'),
      admin: undefined,
      loadExample: true,
      rateLimit: true,
      publicUrl: 'http://localhost:3000',
    });
  });

  it('reads every documented variable', () => {
    const c = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u@db:5432/bilanz',
      BILANZ_DATA_DIR: '/var/lib/bilanz',
      BILANZ_ADMIN_EMAIL: 'admin@example.org',
      BILANZ_ADMIN_PASSWORD: 'a long enough password',
      BILANZ_EXAMPLE: 'false',
      BILANZ_RATE_LIMIT: 'off',
      BILANZ_PUBLIC_URL: 'https://bilanz.example.org/',
    });
    expect(c).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://u@db:5432/bilanz',
      dataDir: '/var/lib/bilanz',
      admin: { email: 'admin@example.org', password: 'a long enough password' },
      loadExample: false,
      rateLimit: false,
      publicUrl: 'https://bilanz.example.org',
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ BILANZ_ADMIN_EMAIL: 'not-an-email', BILANZ_ADMIN_PASSWORD: 'long enough pass' }, 'BILANZ_ADMIN_EMAIL'],
    [{ BILANZ_ADMIN_EMAIL: 'a@b.org' }, 'BILANZ_ADMIN_PASSWORD'],
    [{ BILANZ_ADMIN_EMAIL: 'a@b.org', BILANZ_ADMIN_PASSWORD: 'short' }, 'BILANZ_ADMIN_PASSWORD'],
    [{ BILANZ_EXAMPLE: 'maybe' }, 'BILANZ_EXAMPLE'],
    [{ BILANZ_RATE_LIMIT: 'sometimes' }, 'BILANZ_RATE_LIMIT'],
    [{ BILANZ_PUBLIC_URL: 'not a url' }, 'BILANZ_PUBLIC_URL'],
  ])('fails fast naming the bad variable: %o', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration:\\n\\s+${name}:`));
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });
});
