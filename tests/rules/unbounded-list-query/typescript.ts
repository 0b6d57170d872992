// bastion-fixture: src/routes/products.ts
import { Router } from 'express';
const router = Router();
router.get('/products', async (req, res) => {
// expect: unbounded-list-query
  const rows = await Product.findAll({ order: [['id', 'ASC']] });
  res.json(rows);
});
