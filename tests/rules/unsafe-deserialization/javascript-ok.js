// bastion-fixture: server/session.js
// ok: unsafe-deserialization
const qs = require('qs');
const s = codec.unserialize(req.cookies.s);
