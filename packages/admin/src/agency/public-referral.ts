import type { LocalizedText } from '../api/types.js';

/**
 * A referral as the agency sees it through its signed link (GET /api/public/referrals/:token):
 * the matter with personal fields masked, what it is asked to do, the deadline and the status.
 * @example
 * const referral: PublicReferral = await publicFetch(`/public/referrals/${token}`);
 */
export interface PublicReferral {
  reference: string;
  title: string;
  description: string;
  note: string | null;
  data: Record<string, unknown>;
  union: LocalizedText;
  agency: { code: string; name: LocalizedText };
  sentAt: string;
  replyDueAt: string;
  status: 'awaiting' | 'replied' | 'returned' | 'withdrawn';
  overdue: boolean;
  closedAt: string | null;
  canReturn: boolean;
  linkExpiresAt: string;
  maxAttachmentBytes: number;
}

/**
 * The token of an agency's link from the page's path (`/referral/<token>`), or null.
 * @example
 * referralTokenOf('/referral/eyJhbGciOi...'); // 'eyJhbGciOi...'
 */
export function referralTokenOf(pathname: string): string | null {
  const match = /^\/referral\/([^/]+)\/?$/.exec(pathname);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}
