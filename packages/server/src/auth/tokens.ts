import { createSecretKey } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';

/**
 * What a login token carries: the user, their union and the session it belongs to.
 * @example
 * const claims: TokenClaims = { userId: 'u1', tenantId: 'chalu', sessionId: 's1' };
 */
export interface TokenClaims {
  userId: string;
  tenantId: string;
  sessionId: string;
}

/**
 * Signs and checks login tokens (HS256, expiring).
 * @example
 * const tokens = createTokenSigner(secret, 8 * 3600);
 * const token = await tokens.sign({ userId, tenantId, sessionId });
 */
export interface TokenSigner {
  sign(claims: TokenClaims): Promise<string>;
  verify(token: string): Promise<TokenClaims | undefined>;
  /**
   * Signs a token for another purpose (e.g. `referral-link`), expiring at `expiresAt`; its
   * audience is the purpose, so it is never taken for a login token, nor for another purpose.
   */
  signFor(purpose: string, payload: Record<string, string | number | boolean>, expiresAt: Date): Promise<string>;
  /** The payload of a token signed for `purpose`, or undefined when it is tampered, expired or for something else. */
  verifyFor(purpose: string, token: string): Promise<Record<string, unknown> | undefined>;
  ttlSeconds: number;
}

const LOGIN_AUDIENCE = 'login';

/**
 * Creates the token signer from the server's secret. `now` is the clock purpose tokens expire
 * by (the server's clock, which tests may move); login tokens also end with their session.
 * @example
 * const tokens = createTokenSigner('a-secret-of-at-least-32-characters!!', 28800);
 */
export function createTokenSigner(secret: string, ttlSeconds: number, now: () => Date = () => new Date()): TokenSigner {
  // Imported once: jose would otherwise import a raw secret again on every request.
  const key = createSecretKey(Buffer.from(secret, 'utf8'));
  return {
    ttlSeconds,
    async sign(claims) {
      return new SignJWT({ tid: claims.tenantId, sid: claims.sessionId })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(claims.userId)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .setIssuer('shuoshi')
        .setAudience(LOGIN_AUDIENCE)
        .sign(key);
    },
    async signFor(purpose, payload, expiresAt) {
      return new SignJWT(payload)
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuedAt()
        .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
        .setIssuer('shuoshi')
        .setAudience(purpose)
        .sign(key);
    },
    async verifyFor(purpose, token) {
      if (purpose === LOGIN_AUDIENCE) return undefined;
      try {
        const { payload } = await jwtVerify(token, key, { issuer: 'shuoshi', audience: purpose, algorithms: ['HS256'], currentDate: now() });
        return payload;
      } catch {
        return undefined;
      }
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, { issuer: 'shuoshi', audience: LOGIN_AUDIENCE, algorithms: ['HS256'] });
        if (typeof payload.sub !== 'string' || typeof payload['tid'] !== 'string' || typeof payload['sid'] !== 'string') return undefined;
        return { userId: payload.sub, tenantId: payload['tid'], sessionId: payload['sid'] };
      } catch {
        return undefined;
      }
    },
  };
}
