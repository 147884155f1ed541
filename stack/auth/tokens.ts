// JWTs as GoTrue signs them (HS256, the same claims), and the small parsers GoTrue's API needs.
import { randomBytes } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from 'jose';

export interface AccessClaims extends JWTPayload {
  sub: string;
  role: string;
  aud: string;
  email: string;
  phone: string;
  app_metadata: Record<string, unknown>;
  user_metadata: Record<string, unknown>;
  session_id: string;
  aal: string;
  amr: { method: string; timestamp: number }[];
  is_anonymous: boolean;
}

export class TokenSigner {
  private readonly key: Uint8Array;
  constructor(secret: string, private readonly issuer: string, readonly expiresIn: number) {
    this.key = new TextEncoder().encode(secret);
  }

  async sign(claims: Omit<AccessClaims, 'iss' | 'iat' | 'exp'>, now = Math.floor(Date.now() / 1000)): Promise<{ token: string; exp: number }> {
    const exp = now + this.expiresIn;
    const token = await new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(this.issuer)
      .setIssuedAt(now)
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, exp };
  }

  /** Verifies signature and expiry; the reason, worded as GoTrue words it, when it fails. */
  async verify(token: string): Promise<{ claims: AccessClaims } | { reason: string }> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'] });
      return { claims: payload as AccessClaims };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) {
        return { reason: 'invalid JWT: unable to parse or verify signature, token has invalid claims: token is expired' };
      }
      if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
        return { reason: 'invalid JWT: unable to parse or verify signature, signature is invalid' };
      }
      return { reason: 'invalid JWT: unable to parse or verify signature, token is malformed' };
    }
  }
}

export function newRefreshToken(): string {
  return randomBytes(18).toString('base64url');
}

/** Go's time.ParseDuration for the units GoTrue's ban_duration takes ("24h", "1h30m", "90s"). */
export function parseGoDuration(text: string): number | undefined {
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  if (!text) return undefined;
  let total = 0;
  let consumed = 0;
  for (let match = re.exec(text); match; match = re.exec(text)) {
    total += Number(match[1]) * units[match[2]!]!;
    consumed = re.lastIndex;
  }
  return consumed === text.length ? total : undefined;
}
