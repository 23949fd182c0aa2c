import { buildDemoData } from './src/seed/build-demo-data.js';
const now = Date.parse('2026-11-29T09:00:00+08:00');
for (let i = 0; i < 2; i++) { const t0 = performance.now(); buildDemoData({ now }); console.log('ms', Math.round(performance.now() - t0)); }
const data = buildDemoData({ now });
const closedRed = data.cases.filter(c => c.walked.snapshot.status === 'closed' && c.walked.snapshot.warning !== 'green');
const causes = new Map<string, number>();
for (const c of closedRed) for (const k of c.walked.snapshot.warningCauses) causes.set(`${c.walked.snapshot.workflow.key}:${k.source}:${k.id}:${k.level}`, (causes.get(`${c.walked.snapshot.workflow.key}:${k.source}:${k.id}:${k.level}`) ?? 0) + 1);
console.log(causes);
