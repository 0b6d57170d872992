// bastion-fixture: src/products/search.ts
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export const search = (q: string) => prisma.product.findMany({
// expect: like-leading-wildcard
  where: { name: { contains: q, mode: 'insensitive' } },
});
