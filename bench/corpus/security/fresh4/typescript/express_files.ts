import express, { NextFunction, Request, Response } from 'express';
import { execSync, spawn } from 'child_process';
import path from 'path';
import crypto from 'crypto';
import { logger } from './logger';

const UPLOAD_ROOT = '/srv/app/uploads';
const THUMB_ROOT = '/srv/app/thumbnails';

export const filesRouter = express.Router();

function tenantDir(req: Request): string {
  return path.join(UPLOAD_ROOT, String(req.user?.tenantId ?? 'public'));
}

filesRouter.get('/files/download', (req: Request, res: Response) => {
  const requested = req.query.file as string;
  const fullPath = path.join(tenantDir(req), requested);
  const token = crypto.randomBytes(16).toString('hex');
  res.cookie('dl_token', token, { httpOnly: true, secure: false, sameSite: 'lax' }); // vuln: CWE-614
  res.sendFile(fullPath); // vuln: CWE-22
});

filesRouter.get('/files/preview/:name', (req: Request, res: Response) => {
  const name = path.basename(req.params.name);
  const fullPath = path.join(tenantDir(req), name);
  res.sendFile(fullPath); // safe: CWE-22
});

filesRouter.post('/files/:name/resize', (req: Request, res: Response, next: NextFunction) => {
  const source = path.join(tenantDir(req), path.basename(req.params.name));
  const size: string = req.body.size ?? '256x256';
  const quality: string = req.body.quality ?? '85';
  const target = path.join(THUMB_ROOT, `${Date.now()}.jpg`);
  try {
    const out = execSync(`convert "${source}" -resize ${size} -quality ${quality} ${target}`); // vuln: CWE-78
    res.json({ thumbnail: path.basename(target), log: out.toString() });
  } catch (err) {
    next(err);
  }
});

filesRouter.post('/files/:name/crop', (req: Request, res: Response) => {
  const source = path.join(tenantDir(req), path.basename(req.params.name));
  const width = parseInt(req.body.width, 10);
  const height = parseInt(req.body.height, 10);
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    return res.status(400).json({ error: 'invalid dimensions' });
  }
  const target = path.join(THUMB_ROOT, `${crypto.randomUUID()}.jpg`);
  const child = spawn('convert', [source, '-gravity', 'center', '-crop', `${width}x${height}+0+0`, target]); // safe: CWE-78
  child.on('close', (code) => {
    if (code !== 0) {
      return res.status(500).json({ error: 'crop failed' });
    }
    res.json({ thumbnail: path.basename(target) });
  });
});

filesRouter.use((err: Error, req: Request, res: Response, _next: NextFunction) => {
  const requestId = req.header('x-request-id') ?? crypto.randomUUID();
  logger.error({ err, requestId }, 'file operation failed');
  res.status(500).json({ error: 'internal_error', requestId }); // safe: CWE-209
});
