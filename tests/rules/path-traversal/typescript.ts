// bastion-fixture: src/routes/exports.ts
import { Router, Request, Response } from 'express';
import * as path from 'path';

const router = Router();
const EXPORT_ROOT = '/var/app/exports';

router.get('/exports/download', (req: Request, res: Response) => {
  const name = String(req.query.file);
// expect: path-traversal
  res.download(path.join(EXPORT_ROOT, name));
});

export default router;
