// bastion-fixture: server/client.js
const https = require('https');
// expect: tls-verification-disabled
const agent = new https.Agent({ rejectUnauthorized: false });
// expect: tls-verification-disabled
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
