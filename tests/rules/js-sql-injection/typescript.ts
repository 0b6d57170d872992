// bastion-fixture: src/db/orders.ts
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function orders(status: string) {
  const sql = "SELECT * FROM orders WHERE status = '" + status + "'";
// expect: js-sql-injection
  return prisma.$queryRawUnsafe(sql);
}
export function byName(db: any, name: string) {
// expect: js-sql-injection
  return db.query('SELECT id FROM users WHERE name = ' + name);
}
