// bastion-fixture: server/routes/invoices.js
// A route parameter is text, but `$where` runs it as JavaScript inside MongoDB.
const express = require('express');
const { MongoClient } = require('mongodb');

const router = express.Router();
const client = new MongoClient(process.env.MONGO_URL);

router.get('/invoices/over/:amount', async (req, res) => {
  const invoices = client.db('billing').collection('invoices');
// expect: nosql-injection
  const rows = await invoices.find({ $where: `this.total > ${req.params.amount}` }).toArray();
  res.json(rows);
});

module.exports = router;
