// bastion-fixture: src/routes/exports.ts
// ok: path-traversal
import { Router, Request, Response } from 'express';
import * as path from 'path';

const router = Router();
const EXPORT_ROOT = '/var/app/exports';

router.get('/exports/download', (req: Request, res: Response) => {
  const full = path.resolve(EXPORT_ROOT, String(req.query.file));
  if (!full.startsWith(EXPORT_ROOT + path.sep)) {
    res.status(400).json({ error: 'bad file name' });
    return;
  }
  res.download(full);
});

export default router;
