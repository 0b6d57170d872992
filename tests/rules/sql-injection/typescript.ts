// bastion-fixture: src/routes/orders.ts
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
router.get('/orders', async (req, res) => {
  const status = req.query.status;
  const sql = "SELECT * FROM orders WHERE status = '" + status + "'";
// expect: sql-injection
  res.json(await prisma.$queryRawUnsafe(sql));
});
