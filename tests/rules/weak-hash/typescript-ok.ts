// bastion-fixture: server/http/etag.ts
// ok: weak-hash
import * as crypto from "crypto";
function etagFor(body) {
  return crypto.createHash('md5').update(body).digest('hex');
}
function signPayload(body, key) {
  return crypto.createHash('sha256').update(key + body).digest('hex');
}
