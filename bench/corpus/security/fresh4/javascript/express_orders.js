'use strict';

const express = require('express');
const mysql = require('mysql2/promise');
const { exec, execFile } = require('child_process');
const path = require('path');
const os = require('os');

const router = express.Router();

const pool = mysql.createPool({
  host: process.env.DB_HOST,
  user: process.env.DB_USER,
  password: process.env.DB_PASSWORD,
  database: 'shop',
  connectionLimit: 10,
});

const INVOICE_FORMATS = new Set(['pdf', 'html', 'txt']);

function buildOrderListing(customerId, filters) {
  const clauses = [`customer_id = ${Number(customerId)}`];
  if (filters.status) {
    clauses.push(`status = '${filters.status}'`);
  }
  const orderBy = filters.sort || 'created_at';
  return `SELECT id, total, status, created_at FROM orders WHERE ${clauses.join(' AND ')} ORDER BY ${orderBy} DESC LIMIT 50`;
}

router.get('/customers/:customerId/orders', async (req, res, next) => {
  try {
    const sql = buildOrderListing(req.params.customerId, {
      status: req.query.status,
      sort: req.query.sort,
    });
    const [rows] = await pool.query(sql); // vuln: CWE-89
    res.json({ orders: rows });
  } catch (err) {
    next(err);
  }
});

router.get('/orders/:orderId', async (req, res, next) => {
  try {
    const sql = 'SELECT id, customer_id, total, status, shipping_address FROM orders WHERE id = ? AND customer_id = ?';
    const [rows] = await pool.execute(sql, [req.params.orderId, req.user.customerId]); // safe: CWE-89
    if (rows.length === 0) {
      return res.status(404).json({ error: 'not found' });
    }
    res.json(rows[0]);
  } catch (err) {
    next(err);
  }
});

router.post('/orders/archive', async (req, res) => {
  const { batchLabel, directory } = req.body;
  const archive = path.join(os.tmpdir(), `orders-${Date.now()}.tar.gz`);
  const cmd = `tar -czf ${archive} --label="${batchLabel}" ${directory}`;
  exec(cmd, { timeout: 60000 }, (err, stdout, stderr) => { // vuln: CWE-78
    if (err) {
      return res.status(500).json({ error: 'archive failed' });
    }
    res.json({ archive, log: stdout.trim() });
  });
});

router.get('/orders/:orderId/invoice', async (req, res) => {
  const format = INVOICE_FORMATS.has(req.query.format) ? req.query.format : 'pdf';
  const orderId = parseInt(req.params.orderId, 10);
  if (Number.isNaN(orderId)) {
    return res.status(400).json({ error: 'bad order id' });
  }
  const outFile = path.join(os.tmpdir(), `invoice-${orderId}.${format}`);
  execFile('/usr/local/bin/render-invoice', ['--order', String(orderId), '--format', format, '--out', outFile], (err) => { // safe: CWE-78
    if (err) {
      return res.status(502).json({ error: 'renderer unavailable' });
    }
    res.download(outFile);
  });
});

router.use((err, req, res, next) => {
  console.error('order api failure', err);
  res.status(500).json({
    error: err.message,
    stack: err.stack, // vuln: CWE-209
  });
});

module.exports = router;
