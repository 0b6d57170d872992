// bastion-fixture: src/routes/products.ts
// ok: unbounded-list-query
import { Router } from 'express';
const router = Router();
router.get('/products', async (req, res) => {
  res.json(await Product.findAll({ where: { shopId: req.user.shopId } }));
});
