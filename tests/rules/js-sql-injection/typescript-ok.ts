// bastion-fixture: src/db/orders.ts
// ok: js-sql-injection
import { PrismaClient, Prisma } from '@prisma/client';
import sql from 'sql-template-strings';
const prisma = new PrismaClient();
export async function orders(status: string, db: any) {
  await prisma.$queryRaw`SELECT * FROM orders WHERE status = ${status}`;
  await db.query(sql`SELECT * FROM orders WHERE status = ${status}`);
  return search.query(`title:${status}`);
}
