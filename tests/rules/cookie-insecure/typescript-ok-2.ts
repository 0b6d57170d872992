// bastion-fixture: src/auth/csrf.controller.ts
// ok: cookie-insecure
import { Controller, Get, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';

@Controller('csrf')
export class CsrfController {
  @Get()
  issue(@Req() req: Request, @Res() res: Response): void {
    res.cookie('csrf-token', req.csrfToken(), { httpOnly: false, sameSite: 'lax' });
    res.status(204).end();
  }
}
