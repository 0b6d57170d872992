// bastion-fixture: src/middleware/auth.js
const jwt = require('jsonwebtoken');
const Koa = require('koa');

async function requireUser(ctx, next) {
  ctx.state.user = jwt.verify(ctx.get('Authorization'), process.env.JWT_KEY, { algorithms: ['HS256'] });
  await next();
}

// A second middleware of the same file reads its own header without verifying it.
async function requireSupport(ctx, next) {
  const raw = ctx.get('X-Support-Token');
// expect: jwt-verification-disabled
  const claims = raw ? jwt.decode(raw) : null;
  if (!claims || claims.role !== 'support') {
    ctx.throw(403);
  }
  await next();
}

module.exports = { requireUser, requireSupport };
