// bastion-fixture: src/routes/users.ts
// ok: error-with-status-200
import { Router } from 'express';
const router = Router();
router.post('/login', async (req, res) => {
  res.status(400);
  res.send({ error: 'password required' });
});
