'use strict';

const express = require('express');
const mysql = require('mysql2/promise');
const { exec, execFile } = require('child_process');
const mongoose = require('mongoose');

const router = express.Router();
const pool = mysql.createPool({
  host: process.env.DB_HOST,
  user: process.env.DB_USER,
  password: process.env.DB_PASSWORD,
  database: 'shop',
});

const Customer = mongoose.model('Customer', new mongoose.Schema({ email: String, tier: String }));

const LABEL_FORMATS = new Set(['pdf', 'png', 'zpl']);

function buildOrderFilter(query) {
  const parts = [];
  if (query.status) parts.push(`status = '${query.status}'`);
  if (query.from) parts.push(`created_at >= '${query.from}'`);
  return parts.length ? `WHERE ${parts.join(' AND ')}` : '';
}

router.get('/orders', async (req, res, next) => {
  try {
    const sql = `SELECT id, total, status FROM orders ${buildOrderFilter(req.query)} ORDER BY id DESC LIMIT 100`;
    const [rows] = await pool.query(sql); // vuln: CWE-89
    res.json(rows);
  } catch (err) {
    next(err);
  }
});

router.get('/orders/:id', async (req, res, next) => {
  try {
    const [rows] = await pool.execute('SELECT id, total, status FROM orders WHERE id = ? AND customer_id = ?', [req.params.id, req.user.id]); // safe: CWE-89
    if (!rows.length) return res.sendStatus(404);
    res.json(rows[0]);
  } catch (err) {
    next(err);
  }
});

router.post('/customers/lookup', async (req, res, next) => {
  try {
    const { email } = req.body;
    const customer = await Customer.findOne({ $where: `this.email === '${email}'` }); // vuln: CWE-943
    res.json(customer ? { id: customer.id, tier: customer.tier } : null);
  } catch (err) {
    next(err);
  }
});

router.post('/orders/:id/invoice', (req, res) => {
  const template = req.body.template || 'default';
  exec(`wkhtmltopdf /srv/invoices/templates/${template}.html /tmp/invoice-${req.params.id}.pdf`, (err) => { // vuln: CWE-78
    if (err) return res.status(500).json({ error: 'render failed' });
    res.json({ ok: true });
  });
});

router.post('/orders/:id/label', (req, res) => {
  const format = LABEL_FORMATS.has(req.body.format) ? req.body.format : 'pdf';
  const orderId = String(parseInt(req.params.id, 10));
  execFile('/usr/local/bin/label-printer', ['--format', format, '--order', orderId], (err, stdout) => { // safe: CWE-78
    if (err) return res.status(500).json({ error: 'label failed' });
    res.json({ label: stdout.trim() });
  });
});

module.exports = router;
