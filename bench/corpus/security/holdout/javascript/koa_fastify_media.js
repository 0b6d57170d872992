const Koa = require('koa');
const Router = require('@koa/router');
const send = require('koa-send');
const fastify = require('fastify')({ logger: true });
const { exec } = require('child_process');
const crypto = require('crypto');
const https = require('https');
const got = require('got');
const jwt = require('jsonwebtoken');
const yaml = require('js-yaml');
const ejs = require('ejs');
const mysql = require('mysql');

const koa = new Koa();
const router = new Router();
const conn = mysql.createConnection({ host: 'db', user: 'media', password: process.env.DB_PASSWORD });

router.get('/media/:name', async (ctx) => {
  await send(ctx, ctx.params.name, { root: '/srv/media' }); // safe: CWE-22
});

router.get('/media/raw/:name', async (ctx) => {
  ctx.body = require('fs').createReadStream('/srv/media/' + ctx.params.name); // vuln: CWE-22
});

router.get('/media/by-album', async (ctx) => {
  conn.query('SELECT * FROM media WHERE album = ' + ctx.query.album, (err, rows) => { // vuln: CWE-89
    ctx.body = rows;
  });
});

router.get('/media/by-album-safe', async (ctx) => {
  conn.query('SELECT * FROM media WHERE album = ?', [ctx.query.album], (err, rows) => { // safe: CWE-89
    ctx.body = rows;
  });
});

router.get('/media/by-album-escaped', async (ctx) => {
  conn.query('SELECT * FROM media WHERE album = ' + conn.escape(ctx.query.album), (err, rows) => { // safe: CWE-89
    ctx.body = rows;
  });
});

router.post('/media/transcode', async (ctx) => {
  exec(`ffmpeg -i /srv/media/${ctx.request.body.input} -vf scale=${ctx.request.body.scale} out.mp4`); // vuln: CWE-78
  ctx.status = 202;
});

router.post('/media/caption', async (ctx) => {
  ctx.body = ejs.render(ctx.request.body.template, { media: {} }); // vuln: CWE-1336
});

router.post('/media/caption-safe', async (ctx) => {
  ctx.body = await ejs.renderFile('views/caption.ejs', { text: ctx.request.body.text }); // safe: CWE-1336
});

router.post('/media/manifest', async (ctx) => {
  ctx.body = yaml.load(ctx.request.body.manifest); // safe: CWE-502
});

router.get('/media/out', async (ctx) => {
  ctx.status = 302;
  ctx.set('Location', ctx.query.url); // vuln: CWE-601
});

router.get('/media/lang', async (ctx) => {
  ctx.set('Content-Language', ctx.query.lang); // vuln: CWE-113
});

koa.use(router.routes());

fastify.get('/media/oembed', async (request) => {
  const { body } = await got(request.query.url); // vuln: CWE-918
  return body;
});

fastify.get('/media/oembed-fixed', async (request) => {
  const { body } = await got('https://oembed.example.com/api', { searchParams: { url: request.query.url } }); // safe: CWE-918
  return body;
});

fastify.get('/media/caption/:id', async (request, reply) => {
  reply.header('Content-Type', 'text/html');
  return `<figcaption>${request.query.caption}</figcaption>`; // vuln: CWE-79
});

fastify.post('/media/session', async (request, reply) => {
  const token = jwt.sign({ sub: request.body.user }, 'media-secret', { algorithm: 'HS256' }); // vuln: CWE-798
  reply.setCookie('media_token', token, { path: '/', httpOnly: true, secure: true }); // safe: CWE-614
  return { ok: true };
});

fastify.get('/media/verify', async (request) => {
  return jwt.verify(request.query.token, process.env.MEDIA_SECRET, { algorithms: ['HS256'] }); // safe: CWE-347
});

fastify.get('/media/verify-none', async (request) => {
  return jwt.verify(request.query.token, '', { algorithms: ['none'] }); // vuln: CWE-347
});

fastify.post('/media/log', async (request) => {
  request.log.info('upload from ' + request.body.client); // vuln: CWE-117
  return { ok: true };
});

const cdnAgent = new https.Agent({ rejectUnauthorized: false }); // vuln: CWE-295

function uploadId() {
  return 'up_' + Math.random().toString(16).slice(2); // vuln: CWE-330
}

function uploadIdSafe() {
  return 'up_' + crypto.randomBytes(12).toString('hex'); // safe: CWE-330
}

function encrypt(key, data) {
  const cipher = crypto.createCipher('aes192', key); // vuln: CWE-327
  return cipher.update(data, 'utf8', 'hex') + cipher.final('hex');
}

module.exports = { koa, fastify, cdnAgent, uploadId, uploadIdSafe, encrypt };
