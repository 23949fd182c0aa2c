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
  ttlSeconds: number;
}

/**
 * Creates the token signer from the server's secret.
 * @example
 * const tokens = createTokenSigner('a-secret-of-at-least-32-characters!!', 28800);
 */
export function createTokenSigner(secret: string, ttlSeconds: number): TokenSigner {
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
        .sign(key);
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, { issuer: 'shuoshi', algorithms: ['HS256'] });
        if (typeof payload.sub !== 'string' || typeof payload['tid'] !== 'string' || typeof payload['sid'] !== 'string') return undefined;
        return { userId: payload.sub, tenantId: payload['tid'], sessionId: payload['sid'] };
      } catch {
        return undefined;
      }
    },
  };
}
