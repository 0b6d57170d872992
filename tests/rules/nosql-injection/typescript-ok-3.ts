// bastion-fixture: src/boards/boards.controller.ts
// ok: nosql-injection
import { Controller, Get, Headers, Param } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { Board } from './board.schema';

@Controller('boards')
export class BoardsController {
  constructor(@InjectModel(Board.name) private readonly boards: Model<Board>) {}

  // A route parameter and a header value are always strings: no operator object.
  @Get(':slug/cards/:cardId')
  async card(@Param('slug') slug: string, @Param('cardId') cardId: string, @Headers('x-team') team: string) {
    return this.boards.findOne({ slug, 'cards.id': cardId, team });
  }
}
