// bastion-fixture: server/src/auth/auth.service.ts
// ok: insecure-random
import * as bcrypt from 'bcryptjs';

export class AuthService {
  // A random bcrypt cost factor: a number about the hash, not a secret (bcrypt salts).
  private getRandomSaltRounds(min: number, max: number) {
    return Math.floor(Math.random() * (max - min + 1) + min);
  }

  async register(password: string) {
    return bcrypt.hash(password, this.getRandomSaltRounds(10, 20));
  }
}
