'use strict';

const express = require('express');
const mysql = require('mysql2/promise');
const knex = require('knex');
const logger = require('../lib/logger');
const { requireUser } = require('../middleware/auth');

const router = express.Router();

const pool = mysql.createPool({
  host: process.env.DB_HOST,
  user: process.env.DB_USER,
  password: process.env.DB_PASSWORD,
  database: process.env.DB_NAME || 'shop',
  connectionLimit: 10,
});

const db = knex({ client: 'mysql2', connection: process.env.DATABASE_URL });

const APP_ORIGIN = process.env.APP_ORIGIN || 'https://shop.example.com';
const PAGE_SIZE = 25;

function statusClause(status) {
  if (!status || status === 'all') {
    return '';
  }
  return " AND o.status = '" + status + "'";
}

function toPage(raw) {
  const page = Number.parseInt(raw, 10);
  return Number.isFinite(page) && page > 0 ? page : 1;
}

router.use(requireUser);

router.get('/orders', async (req, res, next) => {
  try {
    const page = toPage(req.query.page);
    const reference = (req.query.q || '').trim();
    let sql = 'SELECT o.id, o.reference, o.status, o.total_cents FROM orders o WHERE o.customer_id = ' + req.user.customerId;
    if (reference) {
      sql += " AND o.reference LIKE '%" + reference + "%'";
    }
    sql += statusClause(req.query.status);
    sql += ` ORDER BY o.created_at DESC LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`;
    const [rows] = await pool.query(sql); // vuln: CWE-89
    res.json({ page, items: rows });
  } catch (err) {
    next(err);
  }
});

router.get('/orders/:orderId', async (req, res, next) => {
  try {
    const { orderId } = req.params;
    const [rows] = await pool.execute('SELECT id, reference, status, total_cents, shipping_address FROM orders WHERE id = ? AND customer_id = ?', [orderId, req.user.customerId]); // safe: CWE-89
    if (rows.length === 0) {
      return res.status(404).json({ error: 'order not found' });
    }
    return res.json(rows[0]);
  } catch (err) {
    return next(err);
  }
});

router.get('/orders/stats/by-region', async (req, res, next) => {
  try {
    const region = req.query.region || 'EU';
    const since = req.query.since || '1970-01-01';
    const totals = await db('orders').whereRaw('region = ? AND created_at >= ?', [region, since]).groupBy('status').select('status').sum({ revenue: 'total_cents' }); // safe: CWE-89
    res.json(totals);
  } catch (err) {
    next(err);
  }
});

router.post('/orders/:orderId/cancel', async (req, res, next) => {
  try {
    const orderId = req.params.orderId;
    const reason = req.body.reason || 'customer request';
    const operator = req.get('X-Operator') || req.user.email;
    await db('orders').where({ id: orderId, customer_id: req.user.customerId }).update({ status: 'cancelled', cancel_reason: reason });
    logger.info(`order ${orderId} cancelled by ${operator}: ${reason}`); // vuln: CWE-117
    res.status(204).end();
  } catch (err) {
    next(err);
  }
});

router.get('/checkout/complete', (req, res) => {
  const orderRef = req.query.ref;
  const returnTo = req.query.returnTo;
  req.session.lastOrder = orderRef;
  if (returnTo) {
    return res.redirect(returnTo); // vuln: CWE-601
  }
  return res.redirect('/orders');
});

router.get('/checkout/continue', (req, res) => {
  let target;
  try {
    target = new URL(req.query.next || '/', APP_ORIGIN);
  } catch (e) {
    target = new URL('/', APP_ORIGIN);
  }
  if (target.origin !== APP_ORIGIN) {
    target = new URL('/', APP_ORIGIN);
  }
  res.redirect(target.href); // safe: CWE-601
});

module.exports = router;
