// bastion-fixture: server/src/auth.controller.ts
// ok: insecure-cookie
export function setSession(res: Response, sessionId: string) {
  res.cookie('sid', sessionId, { secure: true, httpOnly: true });
}
