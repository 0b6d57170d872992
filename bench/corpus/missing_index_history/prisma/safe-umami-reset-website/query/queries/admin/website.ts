import { Prisma } from '@prisma/client';
import prisma from 'lib/prisma';

// Wipes a site's collected data and bumps its revision so caches drop old results.
export async function wipeSiteData(websiteId: string, revId: number): Promise<Prisma.BatchPayload[]> {
  const { client, transaction } = prisma;

  return transaction([
    client.websiteEvent.deleteMany({
      where: { websiteId },
    }),
    client.session.deleteMany({
      where: { websiteId },
    }),
    client.website.update({ where: { id: websiteId }, data: { revId: revId + 1 } }),
  ]);
}
