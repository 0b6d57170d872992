// bastion-fixture: src/routes/items.js
// ok: delete-with-body
const express = require('express');
const router = express.Router();
router.delete('/items/:id', async (req, res) => {
  await removeItems([req.params.id]);
  res.sendStatus(204);
});
