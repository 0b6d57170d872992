import { Website } from '@prisma/client';
import prisma from 'lib/prisma';

// A team's sites, alphabetical, for the team settings page.
export async function listTeamSites(teamId: string): Promise<Website[]> {
  return prisma.client.website.findMany({
    where: {
      teamId,
    },
    orderBy: [
      {
        name: 'asc',
      },
    ],
  });
}
