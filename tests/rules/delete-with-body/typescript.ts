// bastion-fixture: src/items/items.controller.ts
import { Body, Controller, Delete } from '@nestjs/common';
@Controller('items')
export class ItemsController {
  @Delete()
// expect: delete-with-body
  remove(@Body() dto: RemoveItemsDto) {
    return this.items.remove(dto.ids);
  }
}
