// bastion-fixture: server/src/auth.controller.ts
export function setSession(res: Response, sessionId: string) {
// expect: cookie-insecure
  res.cookie('sid', sessionId);
}
app.use(session({
  secret: process.env.SESSION_SECRET!,
// expect: cookie-insecure
  cookie: { secure: false, httpOnly: true },
}));
