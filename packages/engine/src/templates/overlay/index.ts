export * from './overlay-conflict.js';
export * from './deep-equal.js';
export * from './diff-workflows.js';
export * from './apply-overlay.js';
export * from './extend-workflow.js';
export * from './rebase-overlay.js';
export * from './validate-overlay.js';
