import express, { Request, Response } from 'express';
import knex from 'knex';
import { Sequelize, QueryTypes, Op } from 'sequelize';
import axios from 'axios';
import crypto from 'crypto';
import vm from 'vm';
import { XMLParser } from 'fast-xml-parser';
import { DOMParser } from '@xmldom/xmldom';
import { Invoice } from './models/invoice';
import winston from 'winston';

const db = knex({ client: 'mysql2', connection: process.env.DATABASE_URL });
const sequelize = new Sequelize(process.env.DATABASE_URL as string);
const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
const router = express.Router();
const ENCRYPTION_KEY = crypto.scryptSync(process.env.BILLING_KEY as string, 'billing', 32);
const IV = Buffer.alloc(16, 0);

router.get('/billing/invoices', async (req: Request, res: Response) => {
  const rows = await db('invoices').select('*').whereRaw(`customer = '${req.query.customer}'`); // vuln: CWE-89
  res.json(rows);
});

router.get('/billing/invoices-safe', async (req: Request, res: Response) => {
  const rows = await db('invoices').select('*').where('customer', String(req.query.customer)); // safe: CWE-89
  res.json(rows);
});

router.get('/billing/invoices-ordered', async (req: Request, res: Response) => {
  const direction = req.query.dir === 'asc' ? 'asc' : 'desc';
  const rows = await db.raw(`select * from invoices order by created_at ${direction}`); // safe: CWE-89
  res.json(rows);
});

router.get('/billing/totals', async (req: Request, res: Response) => {
  const rows = await sequelize.query('SELECT SUM(amount) FROM invoices WHERE currency = \'' + req.query.currency + '\'', { type: QueryTypes.SELECT }); // vuln: CWE-89
  res.json(rows);
});

router.get('/billing/totals-safe', async (req: Request, res: Response) => {
  const rows = await sequelize.query('SELECT SUM(amount) FROM invoices WHERE currency = ?', { replacements: [String(req.query.currency)], type: QueryTypes.SELECT }); // safe: CWE-89
  res.json(rows);
});

router.get('/billing/literal', async (req: Request, res: Response) => {
  const rows = await Invoice.findAll({ where: sequelize.literal(`status = '${req.query.status}'`) }); // vuln: CWE-89
  res.json(rows);
});

router.get('/billing/op', async (req: Request, res: Response) => {
  const rows = await Invoice.findAll({ where: { amount: { [Op.gte]: Number(req.query.min) } } }); // safe: CWE-89
  res.json(rows);
});

router.post('/billing/webhook', async (req: Request, res: Response) => {
  await axios.post(req.body.notifyUrl, { ok: true }); // vuln: CWE-918
  res.sendStatus(204);
});

router.post('/billing/formula', (req: Request, res: Response) => {
  const total = vm.runInNewContext(req.body.formula, { lines: req.body.lines }); // vuln: CWE-94
  res.json({ total });
});

router.post('/billing/import', (req: Request, res: Response) => {
  const parsed = new XMLParser({ processEntities: false }).parse(req.body.xml); // safe: CWE-611
  res.json(parsed);
});

router.post('/billing/import-dom', (req: Request, res: Response) => {
  const doc = new DOMParser().parseFromString(req.body.xml, 'text/xml'); // safe: CWE-611
  res.json({ root: doc.documentElement.nodeName });
});

router.get('/billing/receipt', (req: Request, res: Response) => {
  res.type('html').send(`<h2>Receipt for ${req.query.name}</h2>`); // vuln: CWE-79
});

router.get('/billing/receipt/:id', (req: Request, res: Response) => {
  res.type('html').send(`<h2>Receipt #${Number(req.params.id)}</h2>`); // safe: CWE-79
});

router.get('/billing/download', (req: Request, res: Response) => {
  res.download(`/srv/billing/pdf/${req.query.file}`); // vuln: CWE-22
});

router.get('/billing/download-id/:id', (req: Request, res: Response) => {
  res.download(`/srv/billing/pdf/${parseInt(req.params.id, 10)}.pdf`); // safe: CWE-22
});

router.get('/billing/return', (req: Request, res: Response) => {
  res.redirect(String(req.query.return_url)); // vuln: CWE-601
});

router.post('/billing/note', (req: Request, res: Response) => {
  logger.info('billing note: ' + req.body.note); // vuln: CWE-117
  res.sendStatus(204);
});

router.get('/billing/csv', (req: Request, res: Response) => {
  res.header('Content-Disposition', `attachment; filename=${req.query.name}.csv`); // vuln: CWE-113
  res.send('');
});

export function encryptCard(pan: string): string {
  const cipher = crypto.createCipheriv('aes-256-cbc', ENCRYPTION_KEY, IV); // vuln: CWE-329
  return cipher.update(pan, 'utf8', 'hex') + cipher.final('hex');
}

export function encryptCardLegacy(pan: string): string {
  const cipher = crypto.createCipheriv('des-ede3', ENCRYPTION_KEY.subarray(0, 24), null); // vuln: CWE-327
  return cipher.update(pan, 'utf8', 'hex') + cipher.final('hex');
}

export function encryptCardSafe(pan: string): string {
  const iv = crypto.randomBytes(16);
  const cipher = crypto.createCipheriv('aes-256-cbc', ENCRYPTION_KEY, iv); // safe: CWE-329
  return iv.toString('hex') + cipher.update(pan, 'utf8', 'hex') + cipher.final('hex');
}

export default router;
