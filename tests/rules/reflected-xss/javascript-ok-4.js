// bastion-fixture: server/controllers/profile.js
// ok: reflected-xss
const Router = require('koa-router');

const router = new Router();

// Koa serialises an object or array body as JSON; no page is built from the input.
router.get('/api/profile', async (ctx) => {
  const { name, tab } = ctx.query;
  ctx.body = { errcode: 0, data: { name, tab, seen: ctx.request.body.seen } };
});

router.get('/api/tags', async (ctx) => {
  ctx.body = [ctx.query.first, ctx.query.second];
});

module.exports = router;
