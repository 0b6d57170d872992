const Koa = require('koa');
const Router = require('@koa/router');
const fs = require('fs');
const path = require('path');
const axios = require('axios');

const app = new Koa();
const router = new Router();

const UPLOAD_ROOT = path.resolve('/var/lib/app/uploads');
const AVATAR_ROOT = path.resolve('/var/lib/app/avatars');

router.get('/files/:name', async (ctx) => {
  const filePath = path.join(UPLOAD_ROOT, ctx.params.name);
  ctx.type = path.extname(filePath);
  ctx.body = fs.createReadStream(filePath); // vuln: CWE-22
});

router.get('/avatars', async (ctx) => {
  const requested = path.resolve(AVATAR_ROOT, String(ctx.query.file || 'default.png'));
  if (!requested.startsWith(AVATAR_ROOT + path.sep)) {
    ctx.throw(400, 'invalid file');
  }
  ctx.type = 'image/png';
  ctx.body = fs.createReadStream(requested); // safe: CWE-22
});

async function fetchRemoteImage(source) {
  const response = await axios.get(source, { responseType: 'arraybuffer', timeout: 5000 }); // vuln: CWE-918
  return Buffer.from(response.data);
}

router.post('/avatars/import', async (ctx) => {
  const { imageUrl } = ctx.request.body;
  const data = await fetchRemoteImage(imageUrl);
  const name = `${ctx.state.user.id}.png`;
  await fs.promises.writeFile(path.join(AVATAR_ROOT, name), data);
  ctx.body = { saved: name };
});

router.get('/sso/callback', async (ctx) => {
  ctx.session.user = ctx.state.ssoUser;
  const returnTo = ctx.query.returnTo || '/dashboard';
  ctx.redirect(returnTo); // vuln: CWE-601
});

router.get('/logout', async (ctx) => {
  ctx.session = null;
  const next = String(ctx.query.next || '/');
  const target = next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
  ctx.redirect(target); // safe: CWE-601
});

app.use(require('koa-bodyparser')());
app.use(router.routes()).use(router.allowedMethods());

module.exports = app;
