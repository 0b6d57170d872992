// bastion-fixture: src/auth/auth.service.ts
// ok: hardcoded-credentials
import { HttpException, HttpStatus } from '@nestjs/common';

export class AuthService {
  // Validation error bodies: a message key or a message under the `password` field.
  async validateLogin(user: { password?: string }, ok: boolean) {
    if (!user.password) {
      throw new HttpException(
        { status: HttpStatus.UNPROCESSABLE_ENTITY, errors: { password: 'incorrectPassword' } },
        HttpStatus.UNPROCESSABLE_ENTITY,
      );
    }
    if (!ok) {
      throw new HttpException(
        { errors: { password: 'Incorrect password', email: 'emailNotExists' } },
        HttpStatus.UNPROCESSABLE_ENTITY,
      );
    }
  }
}
