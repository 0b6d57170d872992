// bastion-fixture: server/auth/signature.ts
import * as crypto from "crypto";
function signPayload(body, key) {
// expect: weak-hash
  return crypto.createHash('sha1').update(key + body).digest('hex');
}
