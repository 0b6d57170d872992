// bastion-fixture: src/routes/profile.ts
import { Router } from 'express';
import { User } from '../models/user';

export const router = Router();

router.put('/me', async (req, res) => {
  const user = await User.findByPk(req.user.id);
  if (!user) {
    res.status(404).end();
    return;
  }
  // The body may carry { "role": "admin" } and it is saved with the rest.
// expect: mass-assignment
  await user.update(req.body);
  res.json(user);
});
