// bastion-fixture: src/routes/products.js
// ok: unbounded-list-query
const express = require('express');
const router = express.Router();
router.get('/products', async (req, res) => {
  res.json(await prisma.product.findMany({ take: 50, skip: +req.query.skip }));
});
