'use strict';

const express = require('express');
const mysql = require('mysql2/promise');

const router = express.Router();

const pool = mysql.createPool({
  host: process.env.DB_HOST || 'localhost',
  user: process.env.DB_USER,
  password: process.env.DB_PASSWORD,
  database: 'shop',
  connectionLimit: 10,
});

const SORTABLE = { created: 'created_at', total: 'total_cents', status: 'status' };
const AFTER_LOGIN_PAGES = new Set(['/orders', '/account', '/cart']);

function buildStatusFilter(status) {
  if (!status) {
    return '';
  }
  return ` AND o.status = '${status}'`;
}

function escapeHtml(s) {
  return String(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

// GET /orders?status=shipped&sort=total
router.get('/orders', async (req, res, next) => {
  try {
    const customerId = req.session.customerId;
    const column = SORTABLE[req.query.sort] || 'created_at';
    let sql = 'SELECT o.id, o.status, o.total_cents, o.created_at FROM orders o WHERE o.customer_id = ?';
    sql += buildStatusFilter(req.query.status);
    sql += ` ORDER BY ${column} DESC LIMIT 50`;
    const [rows] = await pool.query(sql, [customerId]); // vuln: CWE-89
    res.json(rows);
  } catch (err) {
    next(err);
  }
});

// GET /orders/:id
router.get('/orders/:id', async (req, res, next) => {
  try {
    const [rows] = await pool.execute(
      'SELECT * FROM orders WHERE id = ? AND customer_id = ?', [req.params.id, req.session.customerId] // safe: CWE-89
    );
    if (rows.length === 0) {
      return res.status(404).json({ error: 'not found' });
    }
    res.json(rows[0]);
  } catch (err) {
    next(err);
  }
});

// GET /orders/search?q=...
router.get('/orders/search', async (req, res, next) => {
  try {
    const term = req.query.q || '';
    const [rows] = await pool.execute(
      'SELECT id, status FROM orders WHERE customer_id = ? AND reference LIKE ?',
      [req.session.customerId, `%${term}%`]
    );
    const items = rows.map((r) => `<li>#${r.id} - ${escapeHtml(r.status)}</li>`).join('');
    res.send(`<h2>Results for ${term}</h2><ul>${items}</ul>`); // vuln: CWE-79
  } catch (err) {
    next(err);
  }
});

// GET /orders/:id/receipt
router.get('/orders/:id/receipt', async (req, res, next) => {
  try {
    const [rows] = await pool.execute('SELECT id, note FROM orders WHERE id = ?', [req.params.id]);
    const note = rows.length ? rows[0].note : '';
    res.type('html').send(`<p>Order note: ${escapeHtml(note)}</p>`);
  } catch (err) {
    next(err);
  }
});

// POST /login-complete  (called after SSO callback)
router.post('/login-complete', (req, res) => {
  const target = req.body.returnTo;
  req.session.loggedIn = true;
  if (req.query.legacy === '1') {
    return res.redirect(target); // vuln: CWE-601
  }
  const next = AFTER_LOGIN_PAGES.has(target) ? target : '/orders';
  res.redirect(302, next); // safe: CWE-601
});

module.exports = router;
