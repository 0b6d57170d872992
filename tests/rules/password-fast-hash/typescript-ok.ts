// bastion-fixture: src/server/users.ts
// ok: password-fast-hash
import { createHash } from 'crypto';
import * as argon2 from 'argon2';

export function cacheKey(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

export async function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}
