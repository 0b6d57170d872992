// bastion-fixture: src/files/files.controller.ts
// ok: path-traversal
import { Controller, Get, Param, Res } from '@nestjs/common';
import { Response } from 'express';

@Controller('files')
export class FilesController {
  // Express's `send` refuses any path that climbs above `root` (403).
  @Get(':path')
  download(@Param('path') path: string, @Res() response: Response) {
    return response.sendFile(path, { root: './files' });
  }
}
