import type { AppDeps } from '../app/app-deps.js';
import type { Caller } from '../auth/caller.js';
import { notFound } from '../http/http-error.js';
import type { ListQuery } from '../http/list-query.js';
import { findNotification, listNotifications, markNotificationsRead } from './repository.js';
import type { Notification, NotificationFilter } from './schemas.js';

/**
 * A user's own in-app notifications: list them, mark one or all read.
 * @example
 * const notifications = createNotificationsService(deps);
 * await notifications.markRead(caller, id);
 */
export interface NotificationsService {
  list(caller: Caller, list: ListQuery<NotificationFilter>): Promise<{ rows: Notification[]; total: number }>;
  markRead(caller: Caller, id: string): Promise<Notification>;
  markAllRead(caller: Caller): Promise<{ updated: number }>;
}

/**
 * Creates the notifications service; every user reads only their own notifications, whatever
 * their role, and another user's notification is a 404.
 * @example
 * const notifications = createNotificationsService(deps);
 */
export function createNotificationsService(deps: AppDeps): NotificationsService {
  const { db, clock } = deps;
  return {
    list: (caller, list) => listNotifications(db, caller, list),
    async markRead(caller, id) {
      if (!(await findNotification(db, caller, id))) throw notFound('notification', id);
      await markNotificationsRead(db, caller, clock.now(), [id]);
      const notification = await findNotification(db, caller, id);
      if (!notification) throw notFound('notification', id);
      return notification;
    },
    async markAllRead(caller) {
      return { updated: await markNotificationsRead(db, caller, clock.now()) };
    },
  };
}
