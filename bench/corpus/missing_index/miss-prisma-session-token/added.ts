import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function sessionFor(token: string) {
  return prisma.session.findFirst({ where: { token } });
}
