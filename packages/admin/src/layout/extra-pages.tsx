import type { ComponentType, ReactElement } from 'react';

/**
 * A page outside the resources, loaded lazily: the supervisor dashboard and the workers' page
 * (issue 5) register here once their APIs exist; `public` pages render without login or layout.
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
 * The extra pages of the panel (none yet: the dashboard and the workers' page come with the
 * metrics and public-intake APIs).
 * @example
 * EXTRA_PAGES.filter((page) => page.public);
 */
export const EXTRA_PAGES: readonly ExtraPage[] = [];
