// bastion-fixture: backend/src/notes/notes.controller.ts
import { Body, Controller, Put, Res } from '@nestjs/common';
import { Response } from 'express';

@Controller('notes')
export class NotesController {
  @Put('pin')
  async pin(@Body() dto: PinDto, @Res() res: Response) {
    // Declared JSON: the browser does not render the body as a page.
    res.header('Content-Type', 'application/json; charset=utf-8');
    res.send(JSON.stringify(dto));
  }

  @Put('label')
  async label(@Body() dto: PinDto, @Res() res: Response) {
// expect: reflected-xss
    res.send(JSON.stringify(dto));
  }
}
