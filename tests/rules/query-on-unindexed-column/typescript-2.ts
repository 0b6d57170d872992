// bastion-fixture: src/coupons/coupons.controller.ts
// bastion-changed: schema.repo.prisma
import { Controller, Get } from "@nestjs/common";
import { PrismaService } from "../prisma.service";

@Controller("coupons")
export class CouponsController {
  constructor(private readonly prisma: PrismaService) {}

  @Get("expiring")
  expiring() {
    const soon = new Date(Date.now() + 7 * 24 * 3600 * 1000);
// expect: query-on-unindexed-column
    return this.prisma.coupon.findMany({ where: { expiresAt: { lte: soon } } });
  }
}
