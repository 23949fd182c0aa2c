/**
 * @shuoshi/engine: the workflow language, validation, pure stepping on XState v5, working-day
 * SLA clocks, warning ladders, templates and overlays. No I/O: every step returns effects as data.
 */
export * from './definition/index.js';
export * from './definition/validation/index.js';
export * from './errors/index.js';
export * from './calendar/index.js';
export { compileWorkflow, type CompiledWorkflow } from './compile/index.js';
export * from './runtime/index.js';
export * from './templates/overlay/index.js';
export * from './templates/builtin/index.js';
