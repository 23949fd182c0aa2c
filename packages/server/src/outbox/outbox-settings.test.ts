import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/server-config.js';
import { DEFAULT_OUTBOX_SETTINGS, outboxSettingsFromEnv } from './outbox-settings.js';

describe('outboxSettingsFromEnv', () => {
  it('has no webhook and the defaults when nothing is set', () => {
    const settings = outboxSettingsFromEnv({ PATH: '/usr/bin', PORT: 'not read here' });
    expect(settings.webhook).toBeUndefined();
    expect(settings.maxAttempts).toBe(8);
    expect(settings.intervalMs).toBe(DEFAULT_OUTBOX_SETTINGS.intervalMs);
  });

  it('reads the webhook, its timeout, the attempts and the interval', () => {
    const settings = outboxSettingsFromEnv({
      SHUOSHI_WEBHOOK_URL: 'https://hooks.example.org/shuoshi',
      SHUOSHI_WEBHOOK_SECRET: 'a-secret-of-more-than-16',
      SHUOSHI_WEBHOOK_TIMEOUT_MS: '2500',
      SHUOSHI_OUTBOX_MAX_ATTEMPTS: '3',
      SHUOSHI_OUTBOX_INTERVAL_MS: '250',
    });
    expect(settings.webhook).toEqual({ url: 'https://hooks.example.org/shuoshi', secret: 'a-secret-of-more-than-16', timeoutMs: 2500 });
    expect(settings).toMatchObject({ maxAttempts: 3, intervalMs: 250 });
    expect(settings.leaseMs).toBeGreaterThanOrEqual(4 * 2500);
  });

  it('names every bad variable and says how to fix it', () => {
    expect(() => outboxSettingsFromEnv({ SHUOSHI_WEBHOOK_URL: 'ftp://example.org', SHUOSHI_OUTBOX_MAX_ATTEMPTS: 'many' })).toThrow(/SHUOSHI_WEBHOOK_URL: must be an http\(s\) URL[\s\S]*SHUOSHI_OUTBOX_MAX_ATTEMPTS: must be a whole number/);
    expect(() => outboxSettingsFromEnv({ SHUOSHI_WEBHOOK_SECRET: 'short' })).toThrow(/SHUOSHI_WEBHOOK_SECRET: must be at least 16 characters/);
  });

  it('refuses a webhook URL without a secret, here and in the server configuration', () => {
    expect(() => outboxSettingsFromEnv({ SHUOSHI_WEBHOOK_URL: 'https://hooks.example.org/shuoshi' })).toThrow(/SHUOSHI_WEBHOOK_SECRET: must be set when SHUOSHI_WEBHOOK_URL is/);
    expect(() => loadConfig({ SHUOSHI_WEBHOOK_URL: 'https://hooks.example.org/shuoshi' })).toThrow(/SHUOSHI_WEBHOOK_SECRET: must be set/);
    expect(loadConfig({}).SHUOSHI_OUTBOX_MAX_ATTEMPTS).toBe(8);
  });
});
