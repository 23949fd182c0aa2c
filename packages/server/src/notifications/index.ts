import type { Router } from 'express';
import type { AppDeps } from '../app/app-deps.js';
import type { RouteRegistry } from '../http/route-registry.js';
import { createNotificationsRoutes } from './routes.js';

export { insertNotifications, type NotificationContent } from './repository.js';
export { resolveRecipientUsers, type RecipientUser } from './recipients.js';
export type { Notification } from './schemas.js';

/**
 * Builds the router of the in-app notifications: GET /notifications, POST /notifications/:id/read,
 * POST /notifications/read-all. The outbox worker's in-app channel writes them.
 * @example
 * api.use(createNotificationsRouter(deps, registry));
 */
export function createNotificationsRouter(deps: AppDeps, registry: RouteRegistry): Router {
  return createNotificationsRoutes(deps, registry);
}
