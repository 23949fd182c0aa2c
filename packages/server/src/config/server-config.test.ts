import { afterEach, describe, expect, it } from 'vitest';
import { outboxSettingsOf } from '../outbox/outbox-settings.js';
import { referralSettingsFromEnv, referralSettingsOf } from '../referrals/referral-settings.js';
import { loadConfig, workerCount } from './server-config.js';

const SAVED = { ...process.env };

afterEach(() => {
  for (const key of ['SHUOSHI_PUBLIC_BASE_URL', 'SHUOSHI_REFERRAL_LINK_GRACE_DAYS', 'SHUOSHI_OUTBOX_MAX_ATTEMPTS']) {
    if (SAVED[key] === undefined) delete process.env[key];
    else process.env[key] = SAVED[key];
  }
});

describe('the referral variables in the server configuration', () => {
  it('defaults to links working 30 days past the deadline and no public address', () => {
    const config = loadConfig({});
    expect(config.SHUOSHI_REFERRAL_LINK_GRACE_DAYS).toBe(30);
    expect(config.SHUOSHI_PUBLIC_BASE_URL).toBeUndefined();
  });

  it('names every bad referral variable with what to write instead', () => {
    expect(() => loadConfig({ SHUOSHI_PUBLIC_BASE_URL: 'shuoshi.example.org', SHUOSHI_REFERRAL_LINK_GRACE_DAYS: 'a month' })).toThrow(
      /SHUOSHI_PUBLIC_BASE_URL: must be the http\(s\) address .* such as https:\/\/shuoshi\.example\.org .* got "shuoshi\.example\.org"[\s\S]*SHUOSHI_REFERRAL_LINK_GRACE_DAYS: must be a whole number of days such as 30 .* got "a month"/,
    );
    expect(() => loadConfig({ SHUOSHI_REFERRAL_LINK_GRACE_DAYS: '0' })).toThrow(/SHUOSHI_REFERRAL_LINK_GRACE_DAYS: must be at least 1 day/);
    expect(() => loadConfig({ SHUOSHI_REFERRAL_LINK_GRACE_DAYS: '400' })).toThrow(/SHUOSHI_REFERRAL_LINK_GRACE_DAYS: must be at most 365 days/);
    expect(() => referralSettingsFromEnv({ SHUOSHI_REFERRAL_LINK_GRACE_DAYS: '2.5' })).toThrow(/referral links' configuration is not valid:\n {2}SHUOSHI_REFERRAL_LINK_GRACE_DAYS: must be a whole number of days/);
  });
});

describe('settings from the app configuration, with the environment as the fallback', () => {
  it('reads the referral settings from deps.config, not the environment, when it is there', () => {
    process.env['SHUOSHI_PUBLIC_BASE_URL'] = 'https://from-env.example.org';
    process.env['SHUOSHI_REFERRAL_LINK_GRACE_DAYS'] = '7';
    const config = loadConfig({ SHUOSHI_PUBLIC_BASE_URL: 'https://shuoshi.example.org/', SHUOSHI_REFERRAL_LINK_GRACE_DAYS: '14' });
    expect(referralSettingsOf({ config })).toMatchObject({ publicBaseUrl: 'https://shuoshi.example.org', linkGraceDays: 14 });
    expect(referralSettingsOf({})).toMatchObject({ publicBaseUrl: 'https://from-env.example.org', linkGraceDays: 7 });
  });

  it('reads the outbox settings from deps.config, not the environment, when it is there', () => {
    process.env['SHUOSHI_OUTBOX_MAX_ATTEMPTS'] = '2';
    const config = loadConfig({ SHUOSHI_OUTBOX_MAX_ATTEMPTS: '5', SHUOSHI_WEBHOOK_URL: 'https://hooks.example.org/shuoshi', SHUOSHI_WEBHOOK_SECRET: 'a-secret-of-more-than-16' });
    expect(outboxSettingsOf({ config })).toMatchObject({ maxAttempts: 5, webhook: { url: 'https://hooks.example.org/shuoshi', timeoutMs: 5000 } });
    expect(outboxSettingsOf({})).toMatchObject({ maxAttempts: 2, webhook: undefined });
  });
});

describe('SHUOSHI_WORKERS', () => {
  const PG = 'postgres://postgres@127.0.0.1:5432/test';

  it('runs one process by default, and with "auto" one per CPU on PostgreSQL (8 at most), one on PGlite and in test mode', () => {
    expect(workerCount(loadConfig({ DATABASE_URL: PG }), 4)).toBe(1);
    expect(workerCount(loadConfig({ DATABASE_URL: PG, SHUOSHI_WORKERS: 'auto' }), 4)).toBe(4);
    expect(workerCount(loadConfig({ DATABASE_URL: PG, SHUOSHI_WORKERS: 'auto' }), 32)).toBe(8);
    expect(workerCount(loadConfig({ SHUOSHI_WORKERS: 'auto' }), 4)).toBe(1);
    expect(workerCount(loadConfig({ DATABASE_URL: PG, SHUOSHI_TEST_MODE: 'true', SHUOSHI_WORKERS: 'auto' }), 4)).toBe(1);
    expect(workerCount(loadConfig({ DATABASE_URL: PG, SHUOSHI_WORKERS: '3' }), 8)).toBe(3);
  });

  it('refuses several processes where one must hold the state, and malformed counts, saying what to do', () => {
    expect(() => loadConfig({ SHUOSHI_WORKERS: '2' })).toThrow(/SHUOSHI_WORKERS: is 2, but the embedded database \(PGlite\) is opened by one process only; .*DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_URL: PG, SHUOSHI_TEST_MODE: 'true', SHUOSHI_WORKERS: '2' })).toThrow(/SHUOSHI_WORKERS: is 2, but in test mode/);
    expect(() => loadConfig({ DATABASE_URL: PG, SHUOSHI_WORKERS: 'many' })).toThrow(/SHUOSHI_WORKERS: must be "auto" .* got "many"/);
    expect(() => loadConfig({ DATABASE_URL: PG, SHUOSHI_WORKERS: '0' })).toThrow(/SHUOSHI_WORKERS: must be at least 1/);
    expect(() => loadConfig({ DATABASE_URL: PG, SHUOSHI_WORKERS: '65' })).toThrow(/SHUOSHI_WORKERS: must be at most 64/);
    expect(loadConfig({ SHUOSHI_WORKERS: '1' }).SHUOSHI_WORKERS).toBe(1);
  });
});

describe('SHUOSHI_CASE_CACHE_SIZE', () => {
  it('keeps 1000 cases by default; 0 turns the cache off', () => {
    expect(loadConfig({}).SHUOSHI_CASE_CACHE_SIZE).toBe(1000);
    expect(loadConfig({ SHUOSHI_CASE_CACHE_SIZE: '0' }).SHUOSHI_CASE_CACHE_SIZE).toBe(0);
    expect(loadConfig({ SHUOSHI_CASE_CACHE_SIZE: '20000' }).SHUOSHI_CASE_CACHE_SIZE).toBe(20000);
  });

  it('refuses what is not a whole number of cases, quoting it', () => {
    expect(() => loadConfig({ SHUOSHI_CASE_CACHE_SIZE: 'lots' })).toThrow(/SHUOSHI_CASE_CACHE_SIZE: must be a whole number such as 1000, got "lots"/);
    expect(() => loadConfig({ SHUOSHI_CASE_CACHE_SIZE: '-1' })).toThrow(/SHUOSHI_CASE_CACHE_SIZE: must be at least 0/);
  });
});
