import { Website } from '@prisma/client';
import prisma from 'lib/prisma';

// The sites a user owns, alphabetical, for the dashboard.
export async function listOwnedSites(userId: string): Promise<Website[]> {
  return prisma.client.website.findMany({
    where: {
      userId,
    },
    orderBy: [
      {
        name: 'asc',
      },
    ],
  });
}
