// bastion-fixture: src/services/users.ts
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function withPosts() {
  const users = await prisma.user.findMany();
  return Promise.all(users.map(async (user) => {
// expect: n-plus-one-query
    const posts = await prisma.post.findMany({ where: { authorId: user.id } });
    return { ...user, posts };
  }));
}
