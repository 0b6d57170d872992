// bastion-fixture: src/orders/orders.controller.ts
import { Controller, Get, Param } from '@nestjs/common';

@Controller('orders')
export class OrdersController {
// expect: api-verb-in-path
  @Get('getAll')
  all() { return []; }
}
