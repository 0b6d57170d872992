// bastion-fixture: src/orders/orders.controller.ts
import { Body, Controller, Logger, Post } from '@nestjs/common';

interface RefundDto {
  orderId: string;
  reason: string;
}

@Controller('orders')
export class OrdersController {
  private readonly logger = new Logger(OrdersController.name);

  @Post('refund')
  refund(@Body() dto: RefundDto): { ok: boolean } {
// expect: log-injection
    this.logger.log(`refund for ${dto.orderId}: ${dto.reason}`);
    return { ok: true };
  }
}
