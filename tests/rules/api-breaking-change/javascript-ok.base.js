const express = require('express');
const router = express.Router();

router.get('/orders/:orderId', async (req, res) => {
  const order = await orders.find(req.params.orderId);
  res.json({ id: order.id, total: order.total, status: order.status });
});

router.delete('/orders/:orderId', async (req, res) => {
  await orders.cancel(req.params.orderId);
  res.sendStatus(204);
});

module.exports = router;
