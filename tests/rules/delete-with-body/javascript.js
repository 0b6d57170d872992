// bastion-fixture: src/routes/items.js
const express = require('express');
const router = express.Router();
router.delete('/items', async (req, res) => {
// expect: delete-with-body
  await removeItems(req.body.ids);
  res.sendStatus(204);
});
