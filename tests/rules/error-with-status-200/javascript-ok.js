// bastion-fixture: src/routes/users.js
// ok: error-with-status-200
const express = require('express');
const router = express.Router();
router.get('/users/:id', async (req, res) => {
  const user = await findUser(req.params.id);
  if (!user) {
    return res.status(404).json({ error: 'not found' });
  }
  res.json({ user, error: null });
});
