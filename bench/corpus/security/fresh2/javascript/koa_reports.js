'use strict';

const Koa = require('koa');
const Router = require('@koa/router');
const { koaBody } = require('koa-body');
const fs = require('fs');
const path = require('path');
const { exec, execFile } = require('child_process');
const { promisify } = require('util');

const execAsync = promisify(exec);
const execFileAsync = promisify(execFile);

const REPORT_DIR = path.resolve(process.env.REPORT_DIR || '/var/lib/acme/reports');
const ARCHIVE_DIR = path.join(REPORT_DIR, 'archive');
const OUTPUT_FORMATS = ['pdf', 'docx', 'odt'];

const router = new Router({ prefix: '/api/reports' });

function reportPath(name) {
  return path.join(REPORT_DIR, name);
}

function resolveInside(base, name) {
  const target = path.resolve(base, name);
  if (!target.startsWith(base + path.sep)) {
    return null;
  }
  return target;
}

function toCsv(rows) {
  const header = Object.keys(rows[0] || {}).join(',');
  const lines = rows.map((r) => Object.values(r).map((v) => `"${String(v).replace(/"/g, '""')}"`).join(','));
  return [header, ...lines].join('\n');
}

router.get('/:name/download', async (ctx) => {
  const file = reportPath(ctx.params.name);
  if (!fs.existsSync(file)) {
    ctx.throw(404, 'report not found');
  }
  ctx.attachment(path.basename(file));
  ctx.body = fs.createReadStream(file); // vuln: CWE-22
});

router.get('/archive/:name', async (ctx) => {
  const target = resolveInside(ARCHIVE_DIR, ctx.params.name);
  if (!target || !fs.existsSync(target)) {
    ctx.throw(404, 'archived report not found');
  }
  ctx.attachment(path.basename(target));
  ctx.body = fs.createReadStream(target); // safe: CWE-22
});

router.post('/convert', koaBody(), async (ctx) => {
  const { source, format = 'pdf' } = ctx.request.body;
  const src = reportPath(path.basename(source));
  const { stdout, stderr } = await execAsync(`soffice --headless --convert-to ${format} --outdir ${ARCHIVE_DIR} "${src}"`, { timeout: 60000 }); // vuln: CWE-78
  if (stderr) {
    ctx.log?.warn({ stderr }, 'converter reported warnings');
  }
  ctx.body = { ok: true, output: stdout.trim(), supported: OUTPUT_FORMATS };
});

router.post('/:name/compress', async (ctx) => {
  const target = resolveInside(ARCHIVE_DIR, ctx.params.name);
  if (!target) {
    ctx.throw(400, 'invalid report name');
  }
  const level = Math.min(9, Math.max(1, parseInt(ctx.query.level, 10) || 6));
  await execFileAsync('gzip', ['-k', '-f', `-${level}`, target]); // safe: CWE-78
  ctx.body = { ok: true, file: `${path.basename(target)}.gz` };
});

router.post('/generate', koaBody({ jsonLimit: '2mb' }), async (ctx) => {
  const { title, rows } = ctx.request.body;
  if (!Array.isArray(rows) || rows.length === 0) {
    ctx.throw(400, 'rows required');
  }
  const slug = String(title || 'report').toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 60);
  const out = path.join(REPORT_DIR, `${slug}-${Date.now()}.csv`);
  await fs.promises.writeFile(out, toCsv(rows), 'utf8');
  fs.chmodSync(out, 0o777); // vuln: CWE-732
  ctx.status = 201;
  ctx.body = { name: path.basename(out) };
});

const app = new Koa();
app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status || 500;
    ctx.body = { error: err.expose ? err.message : 'internal error' };
  }
});
app.use(router.routes()).use(router.allowedMethods());

module.exports = app;
