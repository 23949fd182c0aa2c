import {
  advance,
  cnMainland,
  createEngine,
  isEngineError,
  SYSTEM_ACTOR,
  toMillis,
  unionGrievance,
  type Actor,
  type CaseSnapshot,
  type StepResult,
} from '@shuoshi/engine';
import { formatEntry } from './format-entry.js';
import { InMemoryStore, type OutboxMessage, type TimelineCause, type TimelineEntry } from './in-memory-store.js';
import { shanghaiTime } from './shanghai-time.js';
import { StaleSaveError } from './stale-save-error.js';

/**
 * Options of the demo.
 * @example
 * runDemo({ out: console.log, start: '2025-11-03T22:40:00+08:00' });
 */
export interface DemoOptions {
  /** Receives the timeline and the host's narration, line by line; silent by default. */
  out?: (line: string) => void;
  /** When the worker phones in (ISO 8601); Monday 3 November 2025, 22:40 Beijing time by default. */
  start?: string;
}

/**
 * What the demo leaves behind: the case's timeline, its final snapshot, the effects waiting in
 * the outbox and the save the store refused.
 * @example
 * const { snapshot } = runDemo(); // snapshot.state === 'closed'
 */
export interface DemoResult {
  caseId: string;
  timeline: TimelineEntry[];
  snapshot: CaseSnapshot;
  outbox: OutboxMessage[];
  refusedSave: StaleSaveError | null;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

const operator: Actor = { id: 'op-chen', roles: ['intake_operator'], name: '小陈' };
const otherOperator: Actor = { id: 'op-li', roles: ['intake_operator'], name: '小李' };
const townshipAdmin: Actor = { id: 'admin-ye', roles: ['township_admin'], name: '叶主席' };
const liaison: Actor = { id: 'agency:people_congress_liaison', roles: ['agency'], agency: 'people_congress_liaison' };
// The follow-up must come from someone who did not handle the matter (separation of duties).
const supervisor: Actor = { id: 'sup-hu', roles: ['supervisor'], name: '胡督办' };

/**
 * Tells the night-bus story from the seed page with the built-in `union-grievance` template, on a
 * simulated clock: a night-shift worker phones in, the union accepts and triages the matter while
 * the triage ladder turns yellow, the township union refers it to the people's congress liaison
 * station, the reply deadline passes (red), the liaison station replies that night bus line 227
 * runs, the union tells the worker, and an independent supervisor records the rating.
 * @example
 * const { timeline, snapshot } = runDemo({ out: console.log });
 */
export function runDemo(options: DemoOptions = {}): DemoResult {
  const out = options.out ?? (() => undefined);
  let now = toMillis(options.start ?? '2025-11-03T22:40:00+08:00');
  const engine = createEngine({ workflows: [unionGrievance], now: () => now });
  const store = new InMemoryStore();
  const caseId = 'NH-2025-0227';
  const show = (entry: TimelineEntry): void => {
    for (const line of formatEntry(unionGrievance, entry)) out(line);
  };
  const narrate = (zh: string, en: string): void => out(`  ▸ ${shanghaiTime(now)} ${zh} / ${en}`);

  // The host's whole loop for one action: load, let the engine decide, save with the version read.
  const act = (type: string, actor: Actor, data?: Record<string, unknown>): void => {
    const snapshot = store.load(caseId);
    const step = engine.apply(snapshot, { type, ...(data ? { data } : {}) }, actor);
    show(store.save(caseId, snapshot.seq, step, { kind: 'event', label: type, actor }));
  };

  // Moving the clock fires every timer that falls due on the way, in order, as the system.
  const moveTo = (target: number): void => {
    for (let due = store.dueTimers(target)[0]; due; due = store.dueTimers(target)[0]) {
      now = Math.max(now, Date.parse(due.timer.dueAt));
      const snapshot = store.load(due.caseId);
      const step = engine.fireTimer(snapshot, due.timer.id, now);
      if (step.snapshot.seq === snapshot.seq) {
        store.discardTimer(due.caseId, due.timer.id);
        continue;
      }
      const cause: TimelineCause = { kind: 'timer', label: due.timer.id, actor: SYSTEM_ACTOR, timer: due.timer };
      show(store.save(due.caseId, snapshot.seq, step, cause));
    }
    now = Math.max(now, target);
  };

  const dueOf = (kind: string, state: string, level?: string): number => {
    const found = store.timers(caseId).find(({ timer }) => timer.kind === kind && timer.state === state && (level === undefined || timer.level === level));
    if (!found) throw new Error(`The case has no ${kind} timer in "${state}"; scheduled: ${store.timers(caseId).map(({ timer }) => timer.id).join(', ') || 'none'}.`);
    return Date.parse(found.timer.dueAt);
  };

  // 1. A night-shift worker phones the hotline; the operator logs the call.
  const opened = engine.start({ key: 'union-grievance' }, {
    data: {
      title: '下夜班后打车难',
      description: '园区企业夜班22:00下班，职工要步行约3公里才能打到出租车，希望开通夜班公交。',
      enterprise: '宁海县某工业园区企业',
    },
    actor: operator,
    channel: 'phone',
  });
  show(store.create(caseId, opened, { kind: 'opened', label: 'phone', actor: operator }));

  // 2. Next morning two operators open the case; both press "accept", only the first save counts.
  moveTo(now + 10 * HOUR + 30 * 60_000);
  narrate('次日上午，小陈和小李同时打开这条来电', 'next morning, two operators open the call at once');
  const staleCopy = store.load(caseId);
  act('accept', operator);
  let refusedSave: StaleSaveError | null = null;
  try {
    const late: StepResult = engine.apply(staleCopy, { type: 'accept' }, otherOperator);
    store.save(caseId, staleCopy.seq, late, { kind: 'event', label: 'accept', actor: otherOperator });
  } catch (error) {
    if (!(error instanceof StaleSaveError)) throw error;
    refusedSave = error;
    narrate(`存储拒绝了小李的过期保存（版本 ${error.expectedSeq}，已存 ${error.storedSeq}）`, `the store refused a stale save (version ${error.expectedSeq}, stored ${error.storedSeq})`);
  }

  // 3. Triage: more calls about the same walk come in; an operator may not refer outside the union.
  try {
    engine.apply(store.load(caseId), { type: 'escalate' }, operator);
  } catch (error) {
    if (!isEngineError(error) || error.code !== 'NOT_ALLOWED') throw error;
    narrate('接线员无权跨界联动，须由乡镇工会决定', 'an operator may not refer the matter; the township union decides');
  }
  const redAt = dueOf('warning', 'triage', 'red');
  moveTo(redAt - 30 * 60_000);
  narrate('多名夜班职工反映同一诉求，乡镇工会决定交人大代表联络站', 'many night-shift workers raise it; the township union refers it to the congress liaison station');
  act('escalate', townshipAdmin, {
    category: 'commute',
    common_demand: true,
    referral_agency: 'people_congress_liaison',
    referral_note: '共性诉求：建议人大代表形成代表建议，推动县交通集团开通夜班公交线路。',
  });

  // 4. The deputy's proposal takes its time: the reply deadline passes and the case turns red.
  moveTo(advance(cnMainland, 'working_day', dueOf('referral', 'escalation'), 2 * DAY));
  narrate('人大代表联络站答复：夜班公交已开通', 'the congress liaison station replies: the night bus runs');
  act('agency_replied', liaison, {
    reply_summary: '代表建议已交县交通集团办理：227路夜班公交已开通，末班车23:30从工业园区发车。',
  });

  // 5. The union tells the worker; days later an independent supervisor calls back.
  const workingDaysLater = (days: number): number => advance(cnMainland, 'working_day', now, days * DAY);
  moveTo(workingDaysLater(1));
  act('reply_to_worker', operator, {
    resolution: '经人大代表建议推动，227路夜班公交已开通，下夜班可在园区站乘车回家。',
  });
  moveTo(workingDaysLater(2));
  act('rate', supervisor, { satisfaction: 5, follow_up_comment: '职工表示下夜班可直接乘227路回家，非常满意。' });

  return { caseId, timeline: store.timeline(caseId), snapshot: store.load(caseId), outbox: store.outbox(), refusedSave };
}
