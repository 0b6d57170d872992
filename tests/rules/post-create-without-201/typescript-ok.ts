// bastion-fixture: src/routes/items.ts
// ok: post-create-without-201
import { Router } from 'express';
const router = Router();
router.post('/login', async (req, res) => {
  res.json({ token: sign(req.body) });
});
