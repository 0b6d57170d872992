// bastion-fixture: server/src/auth.controller.ts
export function setSession(res: Response, sessionId: string) {
// expect: insecure-cookie
  res.cookie('sid', sessionId);
}
