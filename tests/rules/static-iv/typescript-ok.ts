// bastion-fixture: server/src/vault.ts
// ok: static-iv
import { createCipheriv, randomBytes } from 'crypto';

export function seal(key: Buffer, data: Buffer): Buffer {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  return Buffer.concat([nonce, cipher.update(data), cipher.final(), cipher.getAuthTag()]);
}
