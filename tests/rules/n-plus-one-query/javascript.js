// bastion-fixture: src/services/users.js
const { PrismaClient } = require('@prisma/client');
const prisma = new PrismaClient();
async function owners() {
  for (const pet of await prisma.pet.findMany()) {
// expect: n-plus-one-query
    pet.owner = await prisma.user.findUnique({ where: { id: pet.ownerId } });
  }
}
