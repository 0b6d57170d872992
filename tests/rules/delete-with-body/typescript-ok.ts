// bastion-fixture: src/items/items.controller.ts
// ok: delete-with-body
import { Body, Controller, Delete, Param } from '@nestjs/common';
@Controller('items')
export class ItemsController {
  @Delete(':id')
  remove(@Param('id') id: string) {
    return this.items.remove([id]);
  }
}
