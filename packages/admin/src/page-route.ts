import { referralTokenOf } from './agency/public-referral.js';

/**
 * Which app a URL opens: the workers' page (`/speak`), an agency's referral page
 * (`/referral/<token>`, the URL the server signs) or the admin panel (everything else, with its
 * hash routes such as `/#/cases`). The server answers index.html for every path that is not a
 * file, so each of these is a real path; `/#/speak` is kept as another way to the workers' page.
 * @example
 * pageRouteOf('/referral/eyJ...', ''); // { app: 'referral', token: 'eyJ...' }
 */
export function pageRouteOf(pathname: string, hash: string): { app: 'speak' } | { app: 'referral'; token: string } | { app: 'admin' } {
  if (/^\/speak\/?$/.test(pathname) || /^#\/speak\/?$/.test(hash)) return { app: 'speak' };
  const token = referralTokenOf(pathname);
  if (token !== null) return { app: 'referral', token };
  return { app: 'admin' };
}
