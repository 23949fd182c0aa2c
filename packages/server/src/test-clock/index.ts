export { createTestClockRoutes } from './routes.js';
