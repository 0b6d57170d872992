// bastion-fixture: src/routes/invites.js
// ok: get-handler-writes
const express = require('express');
const router = express.Router();
router.get('/invites/:code', async (req, res) => {
  res.json(await prisma.invite.findUnique({ where: { code: req.params.code } }));
});
