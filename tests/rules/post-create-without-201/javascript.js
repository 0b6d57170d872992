// bastion-fixture: src/routes/items.js
const express = require('express');
const router = express.Router();
router.post('/items', async (req, res) => {
  const item = await prisma.item.create({ data: { name: req.body.name } });
// expect: post-create-without-201
  res.json(item);
});
