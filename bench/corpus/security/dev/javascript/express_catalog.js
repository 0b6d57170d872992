'use strict';

const express = require('express');
const path = require('path');
const fs = require('fs');
const { exec, execFile } = require('child_process');
const mysql = require('mysql2/promise');
const axios = require('axios');
const escapeHtml = require('escape-html');
const logger = require('./logger');

const router = express.Router();
const pool = mysql.createPool({ host: 'db', user: 'catalog', database: 'catalog' });
const UPLOAD_ROOT = path.resolve(__dirname, '..', 'uploads');
const SORT_COLUMNS = new Set(['name', 'price', 'created_at']);

router.get('/products', async (req, res) => {
  const category = req.query.category;
  const [rows] = await pool.query(`SELECT id, name, price FROM products WHERE category = '${category}'`); // vuln: CWE-89
  res.json(rows);
});

router.get('/products/by-brand', async (req, res) => {
  const [rows] = await pool.query('SELECT id, name FROM products WHERE brand = ?', [req.query.brand]); // safe: CWE-89
  res.json(rows);
});

router.get('/products/sorted', async (req, res) => {
  const sort = SORT_COLUMNS.has(req.query.sort) ? req.query.sort : 'name';
  const [rows] = await pool.query(`SELECT id, name FROM products ORDER BY ${sort}`); // safe: CWE-89
  res.json(rows);
});

router.get('/products/:id', async (req, res) => {
  const id = parseInt(req.params.id, 10);
  const [rows] = await pool.query('SELECT * FROM products WHERE id = ' + id); // safe: CWE-89
  res.json(rows[0] || null);
});

router.post('/products/:id/thumbnail', (req, res) => {
  const size = req.body.size;
  exec('convert uploads/' + req.params.id + '.png -resize ' + size + ' thumbs/' + req.params.id + '.png', (err) => { // vuln: CWE-78
    if (err) return res.status(500).end();
    res.status(204).end();
  });
});

router.post('/products/:id/thumbnail-safe', (req, res) => {
  const size = String(parseInt(req.body.size, 10)) + 'x';
  execFile('convert', [`uploads/${req.params.id}.png`, '-resize', size, 'out.png'], (err) => { // safe: CWE-78
    if (err) return res.status(500).end();
    res.status(204).end();
  });
});

router.get('/files', (req, res) => {
  const file = path.join(UPLOAD_ROOT, req.query.name);
  res.sendFile(file); // vuln: CWE-22
});

router.get('/files-safe', (req, res) => {
  const file = path.resolve(UPLOAD_ROOT, req.query.name);
  if (!file.startsWith(UPLOAD_ROOT + path.sep)) return res.status(404).end();
  res.sendFile(file); // safe: CWE-22
});

router.get('/manuals/:name', (req, res) => {
  const data = fs.readFileSync('./manuals/' + req.params.name, 'utf8'); // vuln: CWE-22
  res.type('text/plain').send(data);
});

router.get('/go', (req, res) => {
  res.redirect(req.query.url); // vuln: CWE-601
});

router.get('/go-home', (req, res) => {
  res.redirect('/products'); // safe: CWE-601
});

router.post('/import', async (req, res) => {
  const feed = await axios.get(req.body.feedUrl); // vuln: CWE-918
  res.json({ items: feed.data.length });
});

router.get('/search', (req, res) => {
  res.send('<h1>Results for ' + req.query.q + '</h1>'); // vuln: CWE-79
});

router.get('/search-safe', (req, res) => {
  res.send('<h1>Results for ' + escapeHtml(req.query.q) + '</h1>'); // safe: CWE-79
});

router.post('/pricing/rule', (req, res) => {
  const fn = eval('(price) => ' + req.body.expression); // vuln: CWE-95
  res.json({ sample: fn(100) });
});

router.post('/pricing/rule-safe', (req, res) => {
  const factor = Number(req.body.factor);
  const fn = (price) => price * factor; // safe: CWE-95
  res.json({ sample: fn(100) });
});

router.get('/export', (req, res) => {
  res.setHeader('Content-Disposition', 'attachment; filename="' + req.query.filename + '"'); // vuln: CWE-113
  res.send('id,name\n');
});

router.post('/audit', (req, res) => {
  logger.info('audit event: ' + req.body.event); // vuln: CWE-117
  res.status(204).end();
});

module.exports = router;
