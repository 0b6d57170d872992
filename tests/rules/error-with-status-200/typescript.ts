// bastion-fixture: src/routes/users.ts
import { Router } from 'express';
const router = Router();
router.post('/login', async (req, res) => {
// expect: error-with-status-200
  if (!req.body.password) res.send({ ok: false, error: 'password required' });
});
