export * from './compile-workflow.js';
export * from './build-machine.js';
export * from './build-data-schema.js';
export * from './state-targets.js';
