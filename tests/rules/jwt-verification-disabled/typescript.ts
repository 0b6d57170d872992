// bastion-fixture: server/src/auth/guard.ts
import * as jose from 'jose';

export function currentUser(req: Request & { user?: unknown }, next: () => void) {
  const token = String(req.headers['authorization']).slice(7);
// expect: jwt-verification-disabled
  const claims = jose.decodeJwt(token);
  req.user = { id: claims.sub };
  next();
}
