// bastion-fixture: src/orders/orders.controller.ts
// ok: log-injection
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
    this.logger.log(`refund for ${JSON.stringify(dto.orderId)}`);
    return { ok: true };
  }
}
