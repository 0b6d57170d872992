// bastion-fixture: server/session.js
const serialize = require('node-serialize');
// expect: unsafe-deserialization
const s = serialize.unserialize(req.cookies.s);
