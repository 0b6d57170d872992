// bastion-fixture: src/routes/orders.js
const express = require('express');
const router = express.Router();
// expect: api-verb-in-path
router.post('/createOrder', async (req, res) => res.status(201).json({}));
// expect: api-verb-in-path
router.get('/fetch_items', listItems);
module.exports = router;
