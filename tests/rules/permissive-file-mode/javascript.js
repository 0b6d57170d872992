// bastion-fixture: server/storage.js
const fs = require('fs');
// expect: permissive-file-mode
fs.writeFileSync(keyPath, key, { mode: 0o666 });
