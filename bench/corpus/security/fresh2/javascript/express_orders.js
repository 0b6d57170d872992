'use strict';

const express = require('express');
const mysql = require('mysql2/promise');
const { requireLogin } = require('../middleware/auth');

const router = express.Router();

const pool = mysql.createPool({
  host: process.env.DB_HOST,
  user: process.env.DB_USER,
  password: process.env.DB_PASSWORD,
  database: process.env.DB_NAME || 'shop',
  connectionLimit: 10,
});

const SORTABLE = {
  created: 'o.created_at',
  total: 'o.total_cents',
  status: 'o.status',
};

const RETURN_PAGES = new Set(['/orders', '/cart', '/account/orders', '/checkout/done']);

function buildStatusFilter(statuses) {
  if (!statuses) return '';
  const list = String(statuses)
    .split(',')
    .map((s) => `'${s.trim()}'`)
    .join(', ');
  return ` AND o.status IN (${list})`;
}

function sortClause(query) {
  const column = SORTABLE[query.sort] || SORTABLE.created;
  const direction = query.dir === 'asc' ? 'ASC' : 'DESC';
  return `ORDER BY ${column} ${direction}`;
}

router.use(requireLogin);

router.get('/orders', async (req, res, next) => {
  try {
    const filter = buildStatusFilter(req.query.status);
    const sql =
      'SELECT o.id, o.status, o.total_cents, o.created_at FROM orders o ' +
      'WHERE o.customer_id = ?' + filter + ' ORDER BY o.created_at DESC LIMIT 50';
    const [rows] = await pool.query(sql, [req.user.id]); // vuln: CWE-89
    res.json(rows);
  } catch (err) {
    next(err);
  }
});

router.get('/orders/export', async (req, res, next) => {
  try {
    const order = sortClause(req.query);
    const [rows] = await pool.query(`SELECT o.id, o.status, o.total_cents, o.created_at FROM orders o WHERE o.customer_id = ? ${order}`, [req.user.id]); // safe: CWE-89
    res.setHeader('Content-Type', 'text/csv');
    res.send(rows.map((r) => [r.id, r.status, r.total_cents, r.created_at.toISOString()].join(',')).join('\n'));
  } catch (err) {
    next(err);
  }
});

router.get('/orders/:orderId', async (req, res, next) => {
  try {
    const [rows] = await pool.execute('SELECT * FROM orders WHERE id = ? AND customer_id = ?', [req.params.orderId, req.user.id]); // safe: CWE-89
    if (rows.length === 0) {
      return res.status(404).json({ error: 'order not found' });
    }
    const [items] = await pool.execute('SELECT sku, qty, price_cents FROM order_items WHERE order_id = ?', [rows[0].id]);
    res.json({ ...rows[0], items });
  } catch (err) {
    next(err);
  }
});

router.post('/orders/:orderId/cancel', express.urlencoded({ extended: false }), async (req, res, next) => {
  try {
    await pool.execute(
      "UPDATE orders SET status = 'cancelled', cancelled_at = NOW() WHERE id = ? AND customer_id = ? AND status = 'pending'",
      [req.params.orderId, req.user.id],
    );
    const returnTo = req.body.returnTo || req.query.returnTo || '/orders';
    res.redirect(303, returnTo); // vuln: CWE-601
  } catch (err) {
    next(err);
  }
});

router.post('/orders/:orderId/confirm', express.urlencoded({ extended: false }), async (req, res, next) => {
  try {
    await pool.execute(
      "UPDATE orders SET status = 'confirmed' WHERE id = ? AND customer_id = ? AND status = 'pending'",
      [req.params.orderId, req.user.id],
    );
    const dest = typeof req.body.next === 'string' ? req.body.next : '';
    res.redirect(303, RETURN_PAGES.has(dest) ? dest : '/orders'); // safe: CWE-601
  } catch (err) {
    next(err);
  }
});

// eslint-disable-next-line no-unused-vars
router.use((err, req, res, _next) => {
  console.error('orders router failed', err);
  res.status(500).json({ error: 'internal_error', message: err.message, stack: err.stack }); // vuln: CWE-209
});

module.exports = router;
