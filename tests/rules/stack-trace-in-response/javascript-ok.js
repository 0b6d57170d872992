// bastion-fixture: src/routes/orders.js
// ok: stack-trace-in-response
const express = require('express');
const router = express.Router();

router.use((err, req, res, _next) => {
  console.error('orders failed', err.stack);
  logger.error({ stack: err.stack }, 'orders failed');
  res.status(500).json({
    error: 'internal_error',
    stack: process.env.NODE_ENV === 'development' ? err.stack : undefined,
  });
});

module.exports = router;
