import { Prisma, Team } from '@prisma/client';
import prisma from 'lib/prisma';
import { uuid } from 'lib/crypto';
import { ROLES } from 'lib/constants';
import { Website } from 'lib/types';

export async function getTeamWebsites(teamId: string): Promise<Website[]> {
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

