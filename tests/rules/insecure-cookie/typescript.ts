// bastion-fixture: server/src/auth.controller.ts
export function setSession(res: Response, sessionId: string) {
// expect: insecure-cookie
  res.cookie('sid', sessionId);
}
app.use(session({
  secret: process.env.SESSION_SECRET!,
// expect: insecure-cookie
  cookie: { secure: false, httpOnly: true },
}));
