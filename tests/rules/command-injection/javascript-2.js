// bastion-fixture: server/reports.js
const Router = require('@koa/router');
const { exec } = require('child_process');
const util = require('util');

const execAsync = util.promisify(exec);
const router = new Router();

router.post('/convert', async (ctx) => {
  const { format } = ctx.request.body;
// expect: command-injection
  const { stdout } = await execAsync(`soffice --headless --convert-to ${format} report.odt`);
  ctx.body = stdout;
});

module.exports = router;
