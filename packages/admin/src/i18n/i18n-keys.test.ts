import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import englishMessages from 'ra-language-english';
import { describe, expect, it } from 'vitest';
import { appMessagesEn } from './app-messages-en.js';
import { appMessagesZh } from './app-messages-zh.js';
import { messagesOf } from './i18n-provider.js';
import { raMessagesZhCn } from './ra-messages-zh-cn.js';

function flatten(messages: object, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat.set(path, value);
    else if (value && typeof value === 'object') for (const [k, v] of flatten(value as object, path)) flat.set(k, v);
  }
  return flat;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/%\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const SRC = fileURLToPath(new URL('..', import.meta.url));

describe('the panel messages', () => {
  it('translates every react-admin key of ra-language-english into Chinese', () => {
    const english = flatten(englishMessages);
    const chinese = flatten(raMessagesZhCn);
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of english) {
      const zh = chinese.get(key) ?? '';
      if (text.trim() !== '') expect(zh.trim(), key).not.toBe('');
      // Chinese has one plural form: polyglot would show the English-style "a |||| b" literally.
      expect(zh, key).not.toContain('||||');
      const englishForms = text.split('||||').flatMap(placeholders);
      for (const name of placeholders(zh)) expect(englishForms, `${key} uses %{${name}}`).toContain(name);
    }
  });

  it('has every panel key in both Chinese and English, with the same placeholders', () => {
    const zh = flatten(appMessagesZh);
    const en = flatten(appMessagesEn);
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
    for (const [key, text] of zh) {
      expect(text.trim(), key).not.toBe('');
      expect((en.get(key) ?? '').trim(), key).not.toBe('');
      const englishForms = [...new Set((en.get(key) ?? '').split('||||').flatMap(placeholders))].sort();
      expect(placeholders(text), key).toEqual(englishForms);
    }
  });

  it('defines every literal message key the source uses, in both languages', () => {
    const zh = flatten(messagesOf('zh-CN'));
    const en = flatten(messagesOf('en'));
    const used = new Set<string>();
    for (const file of sourceFiles(SRC)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/['"`]((?:shuoshi|ra|resources)\.[a-zA-Z0-9_.]+)(\$\{)?/g)) {
        // A key built at run time (`shuoshi.warning.${level}`) is checked below through its families.
        if (match[2] === undefined && match[1] !== undefined && !match[1].endsWith('.')) used.add(match[1]);
      }
    }
    expect(used.size).toBeGreaterThan(50);
    for (const key of used) {
      if (key === 'shuoshi.session') continue; // the localStorage key of the session, not a message
      const isPrefix = [...zh.keys()].some((k) => k.startsWith(`${key}.`));
      if (isPrefix) continue;
      expect(zh.has(key), `zh has ${key}`).toBe(true);
      expect(en.has(key), `en has ${key}`).toBe(true);
    }
  });

  it('names every value of the keys built at run time', () => {
    const zh = flatten(appMessagesZh);
    const families: Record<string, readonly string[]> = {
      'shuoshi.warning': ['green', 'yellow', 'red'],
      'shuoshi.status': ['open', 'closed'],
      'shuoshi.channel': ['walk_in', 'phone', 'online', 'mini_program'],
      'shuoshi.level': ['county', 'township', 'park', 'enterprise', 'workstation'],
      'shuoshi.roles': ['county_admin', 'township_admin', 'intake_operator', 'mediator', 'early_warning_officer', 'lawyer', 'counsellor', 'supervisor'],
      'shuoshi.referral': ['status_awaiting', 'status_replied', 'status_returned', 'status_withdrawn'],
      'shuoshi.rating': ['grade_1', 'grade_2', 'grade_3', 'grade_4', 'grade_5'],
      'shuoshi.timeline': ['host_open', 'host_assign', 'host_timer'],
      'shuoshi.warning_source': ['ladder', 'rule', 'referral'],
      'shuoshi.dashboard': ['rate_completion', 'rate_onTime', 'rate_response', 'rate_satisfaction', 'month', 'quarter', 'year'],
      'shuoshi.speak': ['anonymous', 'anonymous_help', 'named', 'named_help', 'status_open', 'status_closed', 'by_worker', 'by_staff', 'by_agency', 'by_system', 'grade_1', 'grade_2', 'grade_3', 'grade_4', 'grade_5'],
      'shuoshi.agency': ['status_awaiting', 'status_replied', 'status_returned', 'status_withdrawn'],
    };
    for (const [prefix, values] of Object.entries(families)) for (const value of values) expect(zh.has(`${prefix}.${value}`), `${prefix}.${value}`).toBe(true);
  });
});
