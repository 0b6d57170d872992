// bastion-fixture: server/storage.js
const fs = require('fs');
// expect: permissive-file-mode
fs.chmodSync(keyPath, 0o666);
