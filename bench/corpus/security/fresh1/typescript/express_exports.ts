import { exec, spawn } from 'child_process';
import { promises as fs, createWriteStream } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Router, Request, Response, NextFunction } from 'express';
import { stringify } from 'csv-stringify';
import { reportRepository } from '../repositories/report-repository';

const EXPORT_DIR = path.resolve(process.env.EXPORT_DIR ?? '/var/lib/reports/exports');
const ALLOWED_TABLES = new Set(['invoices', 'payments', 'refunds']);

interface ExportRequest {
  table: string;
  from: string;
  to: string;
  compress?: boolean;
}

export const exportsRouter = Router();

function asyncHandler(fn: (req: Request, res: Response) => Promise<void>) {
  return (req: Request, res: Response, next: NextFunction) => fn(req, res).catch(next);
}

exportsRouter.post('/exports/csv', asyncHandler(async (req, res) => {
  const body = req.body as ExportRequest;
  const rows = await reportRepository.rowsBetween(body.table, body.from, body.to);
  const tmpFile = path.join(os.tmpdir(), `export-${req.user!.id}-${body.table}.csv`);
  const out = createWriteStream(tmpFile); // vuln: CWE-377
  await new Promise<void>((resolve, reject) => {
    stringify(rows, { header: true }).pipe(out).on('finish', resolve).on('error', reject);
  });
  res.download(tmpFile, `${body.table}.csv`, () => fs.unlink(tmpFile).catch(() => undefined));
}));

exportsRouter.post('/exports/dump', asyncHandler(async (req, res) => {
  const { table, from } = req.body as ExportRequest;
  const target = path.join(EXPORT_DIR, `${Date.now()}.sql`);
  const where = `created_at >= '${from}'`;
  await new Promise<void>((resolve, reject) => {
    exec(`psql "$DATABASE_URL" -c "\\copy (SELECT * FROM ${table} WHERE ${where}) TO '${target}' CSV HEADER"`, (err) => (err ? reject(err) : resolve())); // vuln: CWE-78
  });
  res.status(201).json({ file: path.basename(target) });
}));

exportsRouter.post('/exports/archive', asyncHandler(async (req, res) => {
  const { table } = req.body as ExportRequest;
  if (!ALLOWED_TABLES.has(table)) {
    res.status(400).json({ error: 'unknown table' });
    return;
  }
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'archive-'));
  const archive = path.join(EXPORT_DIR, `${table}-${Date.now()}.tar.gz`);
  await new Promise<void>((resolve, reject) => {
    const child = spawn('tar', ['-czf', archive, '-C', workDir, '.'], { stdio: 'ignore' }); // safe: CWE-78
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`tar exited with ${code}`))));
  });
  await fs.rm(workDir, { recursive: true, force: true });
  res.status(201).json({ file: path.basename(archive) });
}));

exportsRouter.get('/exports/:file', (req: Request, res: Response) => {
  const requested = path.resolve(EXPORT_DIR, req.params.file);
  if (!requested.startsWith(EXPORT_DIR + path.sep)) {
    res.status(400).json({ error: 'invalid file name' });
    return;
  }
  res.download(requested); // safe: CWE-22
});

exportsRouter.get('/exports/legacy/download', (req: Request, res: Response) => {
  const file = String(req.query.name ?? '');
  const folder = String(req.query.folder ?? 'monthly');
  res.download(path.join(EXPORT_DIR, folder, file)); // vuln: CWE-22
});
