import { unionGrievance } from '@shuoshi/engine';
import { runDemo } from './run-demo.js';
import { shanghaiTime } from './shanghai-time.js';

// The engine runs no I/O: this program is the host, and printing is all it does with the effects.
console.log(`职工说事 · ${unionGrievance.title.zh} / ${unionGrievance.title.en} — 夜班公交的故事 / the night-bus story`);
console.log('时间为北京时间 / times are Beijing time (Asia/Shanghai)\n');
const { caseId, snapshot, timeline, outbox, refusedSave } = runDemo({ out: (line) => console.log(line) });
const title = unionGrievance.states[snapshot.state]?.title;
console.log('');
console.log(`案件 case ${caseId}：${title ? `${title.zh} ${title.en}` : snapshot.state}，状态 status ${snapshot.status}，满意度 satisfaction ${String(snapshot.data.satisfaction)}`);
console.log(`开案 opened ${shanghaiTime(snapshot.openedAt)} → 归档 closed ${shanghaiTime(snapshot.updatedAt)}；${timeline.length} 步 steps，待发送效果 effects in the outbox: ${outbox.length}`);
if (refusedSave) console.log(`并发保护 concurrency check: ${refusedSave.message}`);
