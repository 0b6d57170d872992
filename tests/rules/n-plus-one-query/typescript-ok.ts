// bastion-fixture: src/services/users.ts
// ok: n-plus-one-query
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function withPosts() {
  const users = await prisma.user.findMany({ include: { posts: true } });
  return users.map((user) => ({ ...user, count: user.posts.length }));
}
