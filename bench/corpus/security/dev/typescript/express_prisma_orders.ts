import { Router, Request, Response } from 'express';
import { PrismaClient, Prisma } from '@prisma/client';
import knexFactory from 'knex';
import { Sequelize, QueryTypes } from 'sequelize';
import { parseStringPromise } from 'xml2js';
import libxmljs from 'libxmljs';
import https from 'https';
import axios from 'axios';

const prisma = new PrismaClient();
const knex = knexFactory({ client: 'pg', connection: process.env.DATABASE_URL });
const sequelize = new Sequelize(process.env.DATABASE_URL as string);
export const router = Router();

router.get('/orders/raw', async (req: Request, res: Response) => {
  const rows = await prisma.$queryRawUnsafe(`SELECT * FROM "Order" WHERE status = '${req.query.status}'`); // vuln: CWE-89
  res.json(rows);
});

router.get('/orders/tagged', async (req: Request, res: Response) => {
  const status = String(req.query.status);
  const rows = await prisma.$queryRaw`SELECT * FROM "Order" WHERE status = ${status}`; // safe: CWE-89
  res.json(rows);
});

router.get('/orders/knex', async (req: Request, res: Response) => {
  const rows = await knex.raw(`select * from orders where region = '${req.query.region}'`); // vuln: CWE-89
  res.json(rows.rows);
});

router.get('/orders/knex-safe', async (req: Request, res: Response) => {
  const rows = await knex.raw('select * from orders where region = ?', [String(req.query.region)]); // safe: CWE-89
  res.json(rows.rows);
});

router.get('/orders/knex-where', async (req: Request, res: Response) => {
  const rows = await knex('orders').whereRaw('customer_id = ' + req.query.customer); // vuln: CWE-89
  res.json(rows);
});

router.get('/orders/sequelize', async (req: Request, res: Response) => {
  const rows = await sequelize.query(`SELECT * FROM orders WHERE coupon = '${req.query.coupon}'`, { type: QueryTypes.SELECT }); // vuln: CWE-89
  res.json(rows);
});

router.get('/orders/sequelize-safe', async (req: Request, res: Response) => {
  const rows = await sequelize.query('SELECT * FROM orders WHERE coupon = :coupon', { // safe: CWE-89
    replacements: { coupon: String(req.query.coupon) },
    type: QueryTypes.SELECT,
  });
  res.json(rows);
});

router.post('/orders/import', async (req: Request, res: Response) => {
  const doc = libxmljs.parseXml(req.body.xml, { noent: true }); // vuln: CWE-611
  res.json({ root: doc.root()?.name() });
});

router.post('/orders/import-safe', async (req: Request, res: Response) => {
  const doc = await parseStringPromise(req.body.xml); // safe: CWE-611
  res.json({ root: Object.keys(doc)[0] });
});

const insecureAgent = new https.Agent({ rejectUnauthorized: false }); // vuln: CWE-295
const strictAgent = new https.Agent({ rejectUnauthorized: true }); // safe: CWE-295

router.get('/orders/erp', async (_req: Request, res: Response) => {
  const r = await axios.get('https://erp.internal/orders', { httpsAgent: insecureAgent });
  res.json(r.data);
});

router.get('/orders/erp-strict', async (_req: Request, res: Response) => {
  const r = await axios.get('https://erp.internal/orders', { httpsAgent: strictAgent });
  res.json(r.data);
});

router.get('/orders/template', async (req: Request, res: Response) => {
  const fn = new Function('order', 'return `' + req.query.format + '`'); // vuln: CWE-95
  res.send(fn({ id: 1 }));
});

router.get('/orders/where-builder', async (req: Request, res: Response) => {
  const rows = await prisma.order.findMany({ where: { status: String(req.query.status) } }); // safe: CWE-89
  res.json(rows);
});

router.get('/orders/prisma-unsafe-exec', async (req: Request, res: Response) => {
  await prisma.$executeRawUnsafe('UPDATE "Order" SET note = \'' + req.query.note + '\' WHERE id = 1'); // vuln: CWE-89
  res.status(204).end();
});

router.get('/orders/prisma-sql', async (req: Request, res: Response) => {
  const rows = await prisma.$queryRaw(Prisma.sql`SELECT * FROM "Order" WHERE id = ${Number(req.query.id)}`); // safe: CWE-89
  res.json(rows);
});
