// bastion-fixture: src/routes/invites.ts
// ok: get-handler-writes
import express from 'express';
const app = express();
app.post('/seed', async (req, res) => {
  await User.create({ name: 'demo' });
  res.status(201).json({ ok: true });
});
