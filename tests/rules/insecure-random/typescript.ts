// bastion-fixture: server/src/auth/session.ts
export function newSessionId(): string {
// expect: insecure-random
  return Math.random().toString(16).slice(2);
}
