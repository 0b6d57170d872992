// bastion-fixture: src/middleware/keys.js
const jwt = require('jsonwebtoken');
const express = require('express');

// `decode` reads the key id of the token that the same function then verifies.
function authenticate(req, res, next) {
  const raw = req.headers.authorization;
// ok: jwt-verification-disabled
  const header = jwt.decode(raw, { complete: true }).header;
  req.user = jwt.verify(raw, keys[header.kid], { algorithms: ['RS256'] });
  next();
}

module.exports = { authenticate };
