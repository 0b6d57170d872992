// bastion-fixture: server/routes/search.js
const express = require('express');
const router = express.Router();

router.get('/users', async (req, res) => {
  // `?name[$ne]=` arrives as an object through the query-string parser.
// expect: nosql-injection
  const users = await User.find({ name: req.query.name });
  res.json(users);
});
