import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../api/src/config.js';
import { hashPassword, PRODUCTION_PASSWORD_COST } from '../../api/src/lib/passwords.js';

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

  it('hashes passwords at argon2’s production cost unless told otherwise: 64 MiB, 3 passes', async () => {
    expect(loadConfig({}).passwordHashCost).toEqual({ memoryKiB: 65_536, passes: 3 });
    expect(PRODUCTION_PASSWORD_COST).toEqual({ memoryKiB: 65_536, passes: 3 });
    // The hash made at the production cost says so (argon2's parameters are stored in it).
    expect(await hashPassword('a long enough password', loadConfig({}).passwordHashCost)).toMatch(
      /^\$argon2id\$v=19\$m=65536,p=4,t=3\$/,
    );
    // Lowering it is for tests and development, and takes both variables.
    expect(loadConfig({ BILANZ_ARGON2_MEMORY_KIB: '1024', BILANZ_ARGON2_PASSES: '1' }).passwordHashCost).toEqual({
      memoryKiB: 1024,
      passes: 1,
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
    [{ BILANZ_ARGON2_MEMORY_KIB: '512' }, 'BILANZ_ARGON2_MEMORY_KIB'],
    [{ BILANZ_ARGON2_PASSES: '0' }, 'BILANZ_ARGON2_PASSES'],
  ])('fails fast naming the bad variable: %o', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration:\\n\\s+${name}:`));
  });

  describe('the public rate limits', () => {
    it('default to a flood ceiling per address far above a room behind one address, and limits per response and per wave', () => {
      expect(loadConfig({})).toMatchObject({
        publicRatePerMinute: 6000,
        publicRatePerResponsePerMinute: 180,
        publicRatePerWavePerMinute: 12000,
      });
    });

    it('are read from BILANZ_PUBLIC_RATE_LIMIT, _PER_RESPONSE and _PER_WAVE', () => {
      const c = loadConfig({
        BILANZ_PUBLIC_RATE_LIMIT: '2000',
        BILANZ_PUBLIC_RATE_LIMIT_PER_RESPONSE: '60',
        BILANZ_PUBLIC_RATE_LIMIT_PER_WAVE: '5000',
      });
      expect(c).toMatchObject({
        publicRatePerMinute: 2000,
        publicRatePerResponsePerMinute: 60,
        publicRatePerWavePerMinute: 5000,
      });
    });

    it.each(['BILANZ_PUBLIC_RATE_LIMIT', 'BILANZ_PUBLIC_RATE_LIMIT_PER_RESPONSE', 'BILANZ_PUBLIC_RATE_LIMIT_PER_WAVE'])(
      'refuse a value below 10 or not a whole number for %s',
      (name) => {
        for (const value of ['9', '12.5', 'many']) {
          expect(() => loadConfig({ [name]: value }), value).toThrow(
            new RegExp(`^Invalid configuration:\\n\\s+${name}:`),
          );
        }
      },
    );
  });

  describe('BILANZ_TRUST_PROXY', () => {
    it('trusts no proxy by default, nor with false, 0 or an empty value', () => {
      for (const value of [undefined, '', 'false', 'no', 'off', '0']) {
        expect(loadConfig({ BILANZ_TRUST_PROXY: value }).trustProxy, String(value)).toBe(false);
      }
    });

    it('takes a number of proxies in front of Bilanz', () => {
      expect(loadConfig({ BILANZ_TRUST_PROXY: '1' }).trustProxy).toBe(1);
      expect(loadConfig({ BILANZ_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    });

    it('takes proxy addresses, subnets and the named ranges, comma-separated', () => {
      expect(loadConfig({ BILANZ_TRUST_PROXY: 'loopback' }).trustProxy).toEqual(['loopback']);
      expect(loadConfig({ BILANZ_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual([
        '10.0.0.0/8',
        '127.0.0.1',
      ]);
      expect(loadConfig({ BILANZ_TRUST_PROXY: 'uniquelocal,linklocal,::1,fd00::/8' }).trustProxy).toEqual([
        'uniquelocal',
        'linklocal',
        '::1',
        'fd00::/8',
      ]);
    });

    it.each(['true', 'TRUE', 'yes', 'on'])(
      'refuses %s, which would let clients forge their address, and names the alternatives',
      (value) => {
        expect(() => loadConfig({ BILANZ_TRUST_PROXY: value })).toThrow(
          /^Invalid configuration:\n\s+BILANZ_TRUST_PROXY: `true` would trust every X-Forwarded-For entry.*\(e\.g\. 1\).*loopback/,
        );
      },
    );

    it.each(['proxy.example.org', '10.0.0.0/33', '::1/129', '10.0.0.1/8/1', '1.5', 'loopback,', '-1'])(
      'refuses %s naming the bad entry',
      (value) => {
        expect(() => loadConfig({ BILANZ_TRUST_PROXY: value })).toThrow(
          /^Invalid configuration:\n\s+BILANZ_TRUST_PROXY: not a number of proxies/,
        );
      },
    );
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });
});
