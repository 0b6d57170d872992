// bastion-fixture: src/routes/orders.js
const express = require('express');
const router = express.Router();

router.use((err, req, res, _next) => {
  console.error('orders failed', err.stack);
// expect: stack-trace-in-response
  res.status(500).json({ error: 'internal_error', stack: err.stack });
});

module.exports = router;
