export * from './engine-error.js';
