'use strict';

const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');
const fs = require('fs');
const path = require('path');
const { exec, execFile } = require('child_process');
const { promisify } = require('util');

const execFileAsync = promisify(execFile);

const REPORT_DIR = path.resolve(process.env.REPORT_DIR || '/var/lib/reports');
const EXPORT_DIR = path.resolve(process.env.EXPORT_DIR || '/var/lib/exports');
const ALLOWED_FORMATS = ['pdf', 'png', 'svg'];

const app = new Koa();
const router = new Router({ prefix: '/reports' });

function reportPath(name) {
  return path.join(REPORT_DIR, name);
}

function runShell(cmd) {
  return new Promise((resolve, reject) => {
    exec(cmd, { timeout: 30000 }, (err, stdout) => (err ? reject(err) : resolve(stdout))); // vuln: CWE-78
  });
}

// GET /reports/raw/:name
router.get('/raw/:name', async (ctx) => {
  const file = reportPath(ctx.params.name);
  ctx.type = 'text/csv';
  ctx.body = fs.createReadStream(file); // vuln: CWE-22
});

// GET /reports/download?file=2024/q1.csv
router.get('/download', async (ctx) => {
  const requested = path.resolve(REPORT_DIR, String(ctx.query.file || ''));
  if (!requested.startsWith(REPORT_DIR + path.sep)) {
    ctx.throw(400, 'invalid file');
  }
  ctx.attachment(path.basename(requested));
  ctx.body = fs.createReadStream(requested); // safe: CWE-22
});

// POST /reports/render { source, title }
router.post('/render', async (ctx) => {
  const { source, title } = ctx.request.body;
  const input = reportPath(path.basename(source));
  const out = path.join(EXPORT_DIR, `${Date.now()}.pdf`);
  await runShell(`wkhtmltopdf --title "${title}" ${input} ${out}`);
  ctx.body = { output: path.basename(out) };
});

// POST /reports/convert { source, format }
router.post('/convert', async (ctx) => {
  const { source, format } = ctx.request.body;
  if (!ALLOWED_FORMATS.includes(format)) {
    ctx.throw(400, 'unsupported format');
  }
  const input = reportPath(path.basename(source));
  const out = path.join(EXPORT_DIR, `${path.parse(input).name}.${format}`);
  await execFileAsync('convert', [input, out], { timeout: 30000 }); // safe: CWE-78
  ctx.body = { output: path.basename(out) };
});

// POST /reports/share { source }
router.post('/share', async (ctx) => {
  const src = reportPath(path.basename(ctx.request.body.source));
  const shared = path.join(EXPORT_DIR, 'shared', path.basename(src));
  fs.mkdirSync(path.dirname(shared), { recursive: true });
  fs.copyFileSync(src, shared);
  fs.chmodSync(shared, 0o777); // vuln: CWE-732
  ctx.body = { shared: path.basename(shared) };
});

app.use(bodyParser());
app.use(router.routes()).use(router.allowedMethods());

app.listen(Number(process.env.PORT) || 3000);

module.exports = app;
