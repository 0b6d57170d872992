// bastion-fixture: src/boards/boards.controller.ts
import { Body, Controller, Post, Query } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { Board } from './board.schema';

@Controller('boards')
export class BoardsController {
  constructor(@InjectModel(Board.name) private readonly boards: Model<Board>) {}

  // A query string or a JSON body can carry an object ({"$ne": null}).
  @Post('search')
  async search(@Query('owner') owner: string, @Body() body: { slug: string }) {
// expect: nosql-injection
    return this.boards.findOne({ owner, slug: body.slug });
  }
}
