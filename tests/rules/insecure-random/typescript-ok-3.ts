// bastion-fixture: src/server/services/acl.ts
// The value only tells this holder's lock from another contender's: it must differ, not
// stay secret.
export class AclService {
  async withNodeLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
// ok: insecure-random
    const token = `${process.pid}:${Date.now()}:${Math.random()}`;
    const held = await this.redis.set(key, token, "PX", 5000, "NX");
    try {
      return await fn();
    } finally {
      if (held) await this.release(key, token);
    }
  }
}
