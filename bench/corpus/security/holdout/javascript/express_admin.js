const express = require('express');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const child_process = require('child_process');
const { Pool } = require('pg');
const ldap = require('ldapjs');
const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');
const cookieParser = require('cookie-parser');
const pino = require('pino')();
const User = require('../models/user');

const app = express();
app.use(express.json());
app.use(cookieParser());
const pool = new Pool();
const ldapClient = ldap.createClient({ url: 'ldap://ldap.corp.example' });
const ADMIN_PASSWORD = 'Adm1n!2024'; // vuln: CWE-798
const TABLES = { users: 'app_users', teams: 'app_teams' };

app.get('/admin/table', async (req, res) => {
  const table = TABLES[req.query.name];
  if (!table) return res.sendStatus(404);
  const { rows } = await pool.query(`SELECT * FROM ${table} LIMIT 100`); // safe: CWE-89
  res.json(rows);
});

app.get('/admin/users', async (req, res) => {
  const where = req.query.filter ? 'WHERE ' + req.query.filter : '';
  const { rows } = await pool.query('SELECT id, email FROM app_users ' + where); // vuln: CWE-89
  res.json(rows);
});

app.get('/admin/users/:id', async (req, res) => {
  const { rows } = await pool.query({ text: 'SELECT * FROM app_users WHERE id = $1', values: [req.params.id] }); // safe: CWE-89
  res.json(rows[0]);
});

app.post('/admin/users', async (req, res) => {
  const user = await User.create(req.body); // vuln: CWE-915
  res.status(201).json(user);
});

app.patch('/admin/users/:id', async (req, res) => {
  const { displayName, locale } = req.body;
  await User.update({ displayName, locale }, { where: { id: req.params.id } }); // safe: CWE-915
  res.sendStatus(204);
});

app.get('/admin/users-mongo', async (req, res) => {
  const users = await User.find({ role: req.query.role }); // vuln: CWE-943
  res.json(users);
});

app.get('/admin/users-mongo-safe', async (req, res) => {
  const users = await User.find({ role: String(req.query.role) }); // safe: CWE-943
  res.json(users);
});

app.get('/admin/directory', (req, res) => {
  const opts = { filter: '(&(objectClass=user)(cn=' + req.query.cn + '))', scope: 'sub' };
  ldapClient.search('dc=corp,dc=example', opts, (err, result) => { // vuln: CWE-90
    if (err) return res.sendStatus(500);
    result.on('end', () => res.sendStatus(200));
  });
});

app.post('/admin/policy/check', (req, res) => {
  const doc = new DOMParser().parseFromString(fs.readFileSync('policy.xml', 'utf8'));
  const nodes = xpath.select("//rule[@id='" + req.body.rule + "']", doc); // vuln: CWE-643
  res.json({ count: nodes.length });
});

app.post('/admin/policy/check-fixed', (req, res) => {
  const doc = new DOMParser().parseFromString(fs.readFileSync('policy.xml', 'utf8'));
  const nodes = xpath.select("//rule[@enabled='true']", doc); // safe: CWE-643
  res.json({ count: nodes.length });
});

app.post('/admin/backup', (req, res) => {
  child_process.execSync(`pg_dump ${req.body.database} > /backups/${req.body.database}.sql`); // vuln: CWE-78
  res.sendStatus(204);
});

app.post('/admin/backup-safe', (req, res) => {
  const out = fs.openSync(`/backups/${Date.now()}.sql`, 'w');
  child_process.spawnSync('pg_dump', [req.body.database], { stdio: ['ignore', out, 'inherit'] }); // safe: CWE-78
  res.sendStatus(204);
});

app.get('/admin/logs/:file', (req, res) => {
  fs.createReadStream(path.join('/var/log/app', req.params.file)).pipe(res); // vuln: CWE-22
});

app.get('/admin/notice', (req, res) => {
  res.write('<div class="notice">' + req.query.text + '</div>'); // vuln: CWE-79
  res.end();
});

app.get('/admin/notice-text', (req, res) => {
  res.type('text/plain').send(req.query.text); // safe: CWE-79
});

app.get('/admin/impersonate', (req, res) => {
  res.cookie('impersonate', req.query.user, { httpOnly: true }); // vuln: CWE-614
  res.location(req.query.next).sendStatus(302); // vuln: CWE-601
});

app.get('/admin/impersonate-safe', (req, res) => {
  res.cookie('impersonate', req.query.user, { httpOnly: true, secure: true, sameSite: 'strict' }); // safe: CWE-614
  res.redirect(302, '/admin'); // safe: CWE-601
});

app.post('/admin/script', (req, res) => {
  const result = new Function('ctx', req.body.code)({ user: req.user }); // vuln: CWE-95
  res.json({ result });
});

app.post('/admin/settings', (req, res) => {
  const settings = JSON.parse(req.body.settings); // safe: CWE-502
  setTimeout(req.body.callback, 1000); // vuln: CWE-95
  res.json(settings);
});

app.post('/admin/audit', (req, res) => {
  pino.info(`admin action ${req.body.action} by ${req.get('X-User')}`); // vuln: CWE-117
  res.sendStatus(204);
});

function tempReport() {
  const name = path.join(os.tmpdir(), 'report-' + Date.now() + '.csv');
  fs.writeFileSync(name, '', { mode: 0o666 }); // vuln: CWE-732
  return name;
}

function tempReportSafe() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-')); // safe: CWE-377
  fs.writeFileSync(path.join(dir, 'report.csv'), '', { mode: 0o600 }); // safe: CWE-732
  return dir;
}

function apiKeyHash(key) {
  return crypto.createHash('md5').update(key).digest('hex'); // vuln: CWE-328
}

function invitationToken() {
  return crypto.randomUUID(); // safe: CWE-330
}

module.exports = { app, tempReport, tempReportSafe, apiKeyHash, invitationToken };
