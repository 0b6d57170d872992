// bastion-fixture: backend/src/media/media-redirect.controller.ts
import { Controller, Get, Query, Res } from '@nestjs/common';
import { Response } from 'express';

@Controller()
export class MediaRedirectController {
  @Get('go')
  async go(@Query('next') next: string, @Res() response: Response): Promise<void> {
// expect: open-redirect
    response.redirect(next);
  }
}
