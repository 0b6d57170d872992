import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function sessionsOf(userId: string) {
  return prisma.session.findMany({ where: { userId }, orderBy: { createdAt: 'desc' } });
}
