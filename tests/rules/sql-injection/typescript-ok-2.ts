// bastion-fixture: src/routes/orders.ts
// ok: sql-injection
import { PrismaClient } from '@prisma/client';
import sql from 'sql-template-strings';
const prisma = new PrismaClient();
router.get('/orders', async (req, res) => {
  const status = req.query.status;
  await prisma.$queryRaw`SELECT * FROM orders WHERE status = ${status}`;
  res.json(await db.query(sql`SELECT * FROM orders WHERE status = ${status}`));
});
