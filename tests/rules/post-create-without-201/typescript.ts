// bastion-fixture: src/routes/items.ts
import { Router } from 'express';
const router = Router();
router.post('/items', async (req, res) => {
  const item = await Item.create({ name: req.body.name });
// expect: post-create-without-201
  return res.send(item);
});
