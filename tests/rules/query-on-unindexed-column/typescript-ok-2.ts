// bastion-fixture: src/coupons/coupons.controller.ts
// bastion-changed: schema-indexed.repo.prisma
// ok: query-on-unindexed-column
import { Controller, Get } from "@nestjs/common";
import { PrismaService } from "../prisma.service";

@Controller("coupons")
export class CouponsController {
  constructor(private readonly prisma: PrismaService) {}

  @Get("expiring")
  expiring() {
    const soon = new Date(Date.now() + 7 * 24 * 3600 * 1000);
    return this.prisma.coupon.findMany({ where: { expiresAt: { lte: soon } } });
  }
}
