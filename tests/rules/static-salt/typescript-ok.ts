// bastion-fixture: server/auth/hash.ts
// ok: static-salt
import * as crypto from 'crypto';

export function hashPassword(password: string): string {
  const salt = crypto.randomBytes(16);
  const hash = crypto.pbkdf2Sync(password, salt, 310000, 32, 'sha256');
  return `${salt.toString('hex')}:${hash.toString('hex')}`;
}

// A key derived from a random application secret: the fixed salt is a label.
export const cookieKey = crypto.pbkdf2Sync(process.env.APP_SECRET, 'cookie-signing', 1000, 32, 'sha256');

