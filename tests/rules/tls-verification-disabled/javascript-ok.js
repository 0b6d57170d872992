// bastion-fixture: test/https.test.js
// ok: tls-verification-disabled
const express = require('express');
const https = require('https');
https.get({ port, rejectUnauthorized: false }, done);
