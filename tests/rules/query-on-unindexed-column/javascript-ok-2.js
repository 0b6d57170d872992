// bastion-fixture: src/routes/coupons.js
// bastion-changed: schema-indexed.repo.prisma
// ok: query-on-unindexed-column
const express = require("express");
const { PrismaClient } = require("@prisma/client");

const prisma = new PrismaClient();
const router = express.Router();

router.get("/expiring", async (req, res) => {
  const soon = new Date(Date.now() + 7 * 24 * 3600 * 1000);
  const coupons = await prisma.coupon.findMany({ where: { expiresAt: { lte: soon } } });
  res.json(coupons);
});

module.exports = router;
