// bastion-fixture: server/src/auth.controller.ts
// ok: cookie-insecure
export function setSession(res: Response, sessionId: string) {
  res.cookie('sid', sessionId, { secure: true, httpOnly: true });
}
app.use(session({
  secret: process.env.SESSION_SECRET!,
  cookie: { secure: true, httpOnly: true },
}));
