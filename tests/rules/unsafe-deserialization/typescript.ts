// bastion-fixture: src/middleware/prefs.ts
import { Request, Response, NextFunction } from 'express';
import serialize from 'node-serialize';

// Restores the UI preferences saved in a cookie by an older release.
export function loadPrefs(req: Request, res: Response, next: NextFunction): void {
  const raw = req.cookies.prefs;
  if (raw) {
// expect: unsafe-deserialization
    res.locals.prefs = serialize.unserialize(Buffer.from(raw, 'base64').toString());
  }
  next();
}
