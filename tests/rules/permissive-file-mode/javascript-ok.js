// bastion-fixture: server/storage.js
// ok: permissive-file-mode
const fs = require('fs');
fs.writeFileSync(keyPath, key, { mode: 0o600 });
