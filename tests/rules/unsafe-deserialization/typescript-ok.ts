// bastion-fixture: src/middleware/prefs.ts
// ok: unsafe-deserialization
import { Request, Response, NextFunction } from 'express';

interface Prefs {
  theme: 'light' | 'dark';
  pageSize: number;
}

// JSON.parse builds plain data only; nothing in the cookie can run.
export function loadPrefs(req: Request, res: Response, next: NextFunction): void {
  const raw = req.cookies.prefs;
  let prefs: Prefs = { theme: 'light', pageSize: 20 };
  if (raw) {
    try {
      prefs = { ...prefs, ...JSON.parse(Buffer.from(raw, 'base64').toString()) };
    } catch {
      // keep the defaults
    }
  }
  res.locals.prefs = prefs;
  next();
}
