import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function webhookBySecret(secret: string) {
  return prisma.webhook.findUnique({ where: { secret } });
}
