// bastion-fixture: server/routes/reports.js
// A helper wraps exec in a Promise; the route gives it a command line with the title.
const Router = require('@koa/router');
const { exec } = require('child_process');

const router = new Router({ prefix: '/reports' });

function runShell(cmd) {
  return new Promise((resolve, reject) => {
// expect: command-injection
    exec(cmd, { timeout: 30000 }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
  });
}

router.post('/render', async (ctx) => {
  const { title } = ctx.request.body;
  await runShell(`wkhtmltopdf --title "${title}" report.html report.pdf`);
  ctx.body = { ok: true };
});

module.exports = router;
