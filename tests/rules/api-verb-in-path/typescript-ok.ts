// bastion-fixture: src/invoices/invoices.controller.ts
// ok: api-verb-in-path
import { Body, Controller, Delete, Get, HttpCode, Param, Post } from "@nestjs/common";
import { InvoicesService } from "./invoices.service";

@Controller("invoices")
export class InvoicesController {
  constructor(private readonly invoices: InvoicesService) {}

  @Get()
  list() {
    return this.invoices.list();
  }

  @Post()
  create(@Body() body: { customerId: string; lines: unknown[] }) {
    return this.invoices.create(body);
  }

  @Delete(":id")
  @HttpCode(204)
  remove(@Param("id") id: string) {
    return this.invoices.remove(id);
  }

  // A sub-resource: the payments made against one invoice.
  @Post(":id/payments")
  pay(@Param("id") id: string, @Body() body: { amountCents: number }) {
    return this.invoices.recordPayment(id, body.amountCents);
  }
}
