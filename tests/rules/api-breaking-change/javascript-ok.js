// bastion-fixture: src/routes/orders.js
// ok: api-breaking-change
const express = require('express');
const router = express.Router();

router.get('/orders/:orderId', async (req, res) => {
  const order = await orders.find(req.params.orderId);
  const { id, total, status } = order;
  res.json({ status, id, total, currency: 'EUR' });
});

router.delete('/orders/:orderId', async (req, res) => {
  await orders.cancel(req.params.orderId);
  res.sendStatus(204);
});

module.exports = router;
