// bastion-fixture: backend/src/media/media-redirect.controller.ts
// ok: open-redirect
import { Controller, Get, Param, Res } from '@nestjs/common';
import { Response } from 'express';

@Controller()
export class MediaRedirectController {
  constructor(private mediaService: MediaService) {}

  @Get(':uuid')
  async getMedia(@Param('uuid') uuid: string, @Res() response: Response): Promise<void> {
    // The uuid selects an upload record; the URL is the storage backend's for it.
    const url = await this.mediaService.getFileUrl(uuid);
    response.redirect(url);
  }
}
