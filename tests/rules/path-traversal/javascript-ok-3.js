// bastion-fixture: server/routes/downloads.js
// ok: path-traversal
// The resolved path must stay under the reports folder; Koa's ctx.throw ends the request.
const Router = require('@koa/router');
const fs = require('fs');
const path = require('path');

const REPORT_DIR = path.resolve(__dirname, '../../var/reports');
const router = new Router({ prefix: '/reports' });

router.get('/download', async (ctx) => {
  const requested = path.resolve(REPORT_DIR, String(ctx.query.file || ''));
  if (!requested.startsWith(REPORT_DIR + path.sep)) {
    ctx.throw(400, 'invalid file');
  }
  ctx.attachment(path.basename(requested));
  ctx.body = fs.createReadStream(requested);
});

module.exports = router;
