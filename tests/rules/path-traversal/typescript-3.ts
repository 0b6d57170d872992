// bastion-fixture: src/files/files.controller.ts
import { Controller, Get, Param, Res } from '@nestjs/common';
import { Response } from 'express';
import { join } from 'path';

@Controller('files')
export class FilesController {
  // Without `root`, the joined path can climb out of the folder.
  @Get(':path')
  download(@Param('path') path: string, @Res() response: Response) {
// expect: path-traversal
    return response.sendFile(join(process.cwd(), 'files', path), { maxAge: 3600 });
  }
}
