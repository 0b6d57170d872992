// bastion-fixture: src/routes/users.js
const express = require('express');
const router = express.Router();
router.get('/users/:id', async (req, res) => {
  const user = await findUser(req.params.id);
  if (!user) {
// expect: error-with-status-200
    return res.json({ error: 'not found' });
  }
  res.json(user);
});
