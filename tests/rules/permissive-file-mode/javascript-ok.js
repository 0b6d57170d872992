// bastion-fixture: server/storage.js
// ok: permissive-file-mode
const fs = require('fs');
fs.writeFileSync(keyPath, key, { mode: 0o666 });
fs.chmodSync(keyPath, 0o600);
