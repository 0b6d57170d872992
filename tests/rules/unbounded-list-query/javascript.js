// bastion-fixture: src/routes/products.js
const express = require('express');
const router = express.Router();
router.get('/products', async (req, res) => {
// expect: unbounded-list-query
  res.json(await prisma.product.findMany());
});
