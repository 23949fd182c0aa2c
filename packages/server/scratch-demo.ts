import { buildDemoData } from './src/seed/build-demo-data.js';
const t0 = performance.now();
const data = buildDemoData({ now: Date.parse('2026-11-29T09:00:00+08:00') });
console.log('ms', Math.round(performance.now() - t0), 'cases', data.cases.length, 'refusals', data.refusals.length);
for (const r of data.refusals.slice(0, 10)) console.log('  R', r);
const byState = new Map<string, number>();
const warn = new Map<string, number>();
let events = 0, timers = 0, pending = 0, outbox = 0;
for (const c of data.cases) {
  const s = c.walked.snapshot;
  const k = `${s.workflow.key}/${s.state}`;
  byState.set(k, (byState.get(k) ?? 0) + 1);
  warn.set(`${s.status}/${s.warning}`, (warn.get(`${s.status}/${s.warning}`) ?? 0) + 1);
  events += c.walked.events.length; timers += c.walked.timers.length; pending += c.walked.timers.filter(t => t.status === 'pending').length; outbox += c.walked.outbox.length;
}
console.log([...byState.entries()].sort().map(([k, v]) => `${k}=${v}`).join('\n'));
console.log(Object.fromEntries(warn), { events, timers, pending, outbox });
for (const w of data.workflows) for (const st of Object.keys(w.workflow.states)) if (!byState.has(`${w.workflow.key}/${st}`)) console.log('MISSING', w.workflow.key, st);
const awaiting = data.cases.filter(c => c.walked.snapshot.referrals.some(r => r.status === 'awaiting'));
console.log('awaiting', awaiting.length, 'overdue', awaiting.filter(c => c.walked.snapshot.referrals.some(r => r.status === 'awaiting' && r.overdue)).length);
const ratings = data.cases.map(c => c.walked.snapshot.data.satisfaction).filter(x => x !== undefined);
console.log('ratings', ratings.length, JSON.stringify(ratings.reduce((m: any, r: any) => (m[r] = (m[r] ?? 0) + 1, m), {})));
const ch = data.cases.reduce((m: any, c) => (m[c.walked.plan.channel] = (m[c.walked.plan.channel] ?? 0) + 1, m), {});
console.log(ch, data.cases[0]?.reference, data.cases.at(-1)?.reference);
