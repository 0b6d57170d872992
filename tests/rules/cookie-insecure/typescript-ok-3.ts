// bastion-fixture: src/auth/auth.controller.ts
// ok: cookie-insecure
import { Controller, Post, Res } from '@nestjs/common';
import { Response } from 'express';

@Controller('auth')
export class AuthController {
  // Logout clears the token cookie: an empty value and an age of 0.
  @Post('logout')
  logout(@Res() res: Response) {
    res.cookie('access_token', '', { maxAge: 0 });
    res.cookie('refresh_token', 'x', { expires: new Date(0) });
    return res.send();
  }
}
