// bastion-fixture: server/src/auth/session.ts
// ok: insecure-random
import { randomUUID } from 'crypto';
export function newSessionId(): string {
  return randomUUID();
}
export const pickColour = (colours: string[]) => colours[Math.floor(Math.random() * colours.length)];
