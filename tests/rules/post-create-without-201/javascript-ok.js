// bastion-fixture: src/routes/items.js
// ok: post-create-without-201
const express = require('express');
const router = express.Router();
router.post('/items', async (req, res) => {
  const item = await prisma.item.create({ data: { name: req.body.name } });
  res.status(201).json(item);
});
