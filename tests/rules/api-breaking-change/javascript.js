// bastion-fixture: src/routes/orders.js
const express = require('express');
const router = express.Router();

router.get('/orders/:orderId', async (req, res) => {
  const order = await orders.find(req.params.orderId);
// expect: api-breaking-change
  res.json({ id: order.id, total: order.total });
});

// expect: api-breaking-change
router.delete('/orders/:orderId/cancel', async (req, res) => {
  await orders.cancel(req.params.orderId);
  res.sendStatus(204);
});

module.exports = router;
