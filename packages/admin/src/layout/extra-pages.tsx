import DashboardIcon from '@mui/icons-material/Dashboard';
import type { ComponentType, ReactElement } from 'react';
import { lazyView } from './lazy-view.js';

/**
 * A page outside the resources, loaded lazily (its own chunk), such as the supervisor dashboard;
 * `public` pages render without login or layout. (The workers' page and the agency's referral
 * page are apps of their own at `/speak` and `/referral/<token>`: see page-route.ts.)
 * @example
 * const page: ExtraPage = { path: '/dashboard', view: lazyView(() => import('../dashboard/dashboard.js')), menuLabel: 'shuoshi.menu.dashboard', icon: <DashboardIcon />, roles: ['supervisor'] };
 */
export interface ExtraPage {
  path: string;
  view: ComponentType;
  /** i18n key of its menu entry; no entry when absent. */
  menuLabel?: string;
  icon?: ReactElement;
  /** Roles that see it; every signed-in user when absent. */
  roles?: readonly string[];
  public?: boolean;
}

/**
 * The roles the supervisor dashboard is for (every staff member may read the figures; these
 * see it in the menu, and supervisors land on it after signing in).
 * @example
 * DASHBOARD_ROLES.includes('supervisor'); // true
 */
export const DASHBOARD_ROLES: readonly string[] = ['supervisor', 'county_admin', 'township_admin', 'early_warning_officer'];

/**
 * The extra pages of the panel: the supervisor dashboard (督办工作台).
 * @example
 * EXTRA_PAGES.filter((page) => page.public);
 */
export const EXTRA_PAGES: readonly ExtraPage[] = [
  {
    path: '/dashboard',
    view: lazyView(() => import('../dashboard/dashboard-page.js').then((m) => ({ default: m.DashboardPage }))),
    menuLabel: 'shuoshi.menu.dashboard',
    icon: <DashboardIcon />,
    roles: DASHBOARD_ROLES,
  },
];
