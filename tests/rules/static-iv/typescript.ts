// bastion-fixture: server/src/vault.ts
import { createCipheriv } from 'crypto';

export function seal(key: Buffer, data: Buffer): Buffer {
// expect: static-iv
  const cipher = createCipheriv('aes-256-gcm', key, Buffer.alloc(12, 0));
  return Buffer.concat([cipher.update(data), cipher.final(), cipher.getAuthTag()]);
}
