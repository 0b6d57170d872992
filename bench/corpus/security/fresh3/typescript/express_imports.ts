import express, { Request, Response } from 'express';
import multer from 'multer';
import cookieParser from 'cookie-parser';
import libxmljs from 'libxmljs2';
import serialize from 'node-serialize';
import fs from 'fs';
import os from 'os';
import path from 'path';

const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 5 * 1024 * 1024 } });
const app = express();
app.use(cookieParser());

interface Product {
  sku: string;
  name: string;
  price: number;
}

interface ViewPrefs {
  pageSize: number;
  columns: string[];
}

const DEFAULT_PREFS: ViewPrefs = { pageSize: 25, columns: ['sku', 'name', 'price'] };

function toProducts(doc: libxmljs.Document): Product[] {
  return doc.find('//product').map((node: any) => ({
    sku: node.get('sku')?.text() ?? '',
    name: node.get('name')?.text() ?? '',
    price: Number(node.get('price')?.text() ?? 0),
  }));
}

function loadPrefs(req: Request): ViewPrefs {
  const raw = req.cookies['view_prefs'];
  if (!raw) return DEFAULT_PREFS;
  const decoded = Buffer.from(raw, 'base64').toString('utf8');
  return serialize.unserialize(decoded) as ViewPrefs; // vuln: CWE-502
}

// POST /imports/catalog  (multipart, field "feed") -- supplier feeds with DTD entities
app.post('/imports/catalog', upload.single('feed'), (req: Request, res: Response) => {
  if (!req.file) return res.status(400).json({ error: 'feed required' });
  const doc = libxmljs.parseXml(req.file.buffer.toString('utf8'), { noent: true, dtdload: true }); // vuln: CWE-611
  const products = toProducts(doc);
  res.json({ imported: products.length, prefs: loadPrefs(req) });
});

// POST /imports/catalog/validate
app.post('/imports/catalog/validate', upload.single('feed'), (req: Request, res: Response) => {
  if (!req.file) return res.status(400).json({ error: 'feed required' });
  const doc = libxmljs.parseXml(req.file.buffer.toString('utf8'), { noent: false, nonet: true }); // safe: CWE-611
  res.json({ valid: doc.errors.length === 0, count: toProducts(doc).length });
});

// POST /imports/csv  (multipart, field "file")
app.post('/imports/csv', upload.single('file'), async (req: Request, res: Response) => {
  if (!req.file) return res.status(400).json({ error: 'file required' });
  const staging = path.join(os.tmpdir(), `import-${process.pid}-${Date.now()}.csv`);
  fs.writeFileSync(staging, req.file.buffer); // vuln: CWE-377
  const lines = fs.readFileSync(staging, 'utf8').split('\n').filter(Boolean);
  fs.unlinkSync(staging);
  res.json({ rows: lines.length - 1 });
});

// POST /imports/archive  (multipart, field "archive")
app.post('/imports/archive', upload.single('archive'), async (req: Request, res: Response) => {
  if (!req.file) return res.status(400).json({ error: 'archive required' });
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-')); // safe: CWE-377
  const target = path.join(workDir, 'upload.zip');
  fs.writeFileSync(target, req.file.buffer, { mode: 0o600 });
  try {
    res.json({ stored: path.basename(target), size: req.file.size });
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
});

// PUT /imports/prefs
app.put('/imports/prefs', express.json(), (req: Request, res: Response) => {
  const prefs: ViewPrefs = {
    pageSize: Math.min(Math.max(parseInt(String(req.body.pageSize), 10) || 25, 10), 200),
    columns: Array.isArray(req.body.columns) ? req.body.columns.map(String).slice(0, 10) : DEFAULT_PREFS.columns,
  };
  res.cookie('view_prefs', Buffer.from(serialize.serialize(prefs)).toString('base64'), { httpOnly: true, secure: true });
  res.json(prefs);
});

app.listen(Number(process.env.PORT) || 3001);
