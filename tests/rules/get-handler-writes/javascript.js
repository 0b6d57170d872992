// bastion-fixture: src/routes/invites.js
const express = require('express');
const router = express.Router();
router.get('/invites/:code', async (req, res) => {
// expect: get-handler-writes
  const invite = await prisma.invite.delete({ where: { code: req.params.code } });
  res.json(invite);
});
