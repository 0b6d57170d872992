// bastion-fixture: src/services/users.js
// ok: n-plus-one-query
const { PrismaClient } = require('@prisma/client');
const prisma = new PrismaClient();
async function owners(ids) {
  for (const id of ids) {
    await prisma.user.findUnique({ where: { id } });
  }
}
