// bastion-fixture: server/auth/hash.ts
import * as crypto from 'crypto';

export function legacyHash(password: string): string {
// expect: static-salt
  return crypto.pbkdf2Sync(password, 'acme-portal-salt', 100000, 64, 'sha512').toString('hex');
}

