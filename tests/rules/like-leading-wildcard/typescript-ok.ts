// bastion-fixture: src/products/search.ts
// ok: like-leading-wildcard
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export const search = (q: string) => prisma.product.findMany({
  where: { name: { startsWith: q } },
});
