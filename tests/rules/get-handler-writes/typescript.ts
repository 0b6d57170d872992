// bastion-fixture: src/routes/invites.ts
import express from 'express';
const app = express();
app.get('/seed', async (req, res) => {
// expect: get-handler-writes
  await User.create({ name: 'demo' });
  res.json({ ok: true });
});
