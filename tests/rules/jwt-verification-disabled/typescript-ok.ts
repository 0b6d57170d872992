// bastion-fixture: server/auth.ts
// ok: jwt-verification-disabled
export const user = (t: string) => jwt.verify(t, KEY, { algorithms: ['RS256'] });
