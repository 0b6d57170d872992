// bastion-fixture: server/storage.js
// ok: permissive-file-mode
const fs = require('fs');
fs.chmodSync(keyPath, 0o600);
fs.mkdirSync(uploadDir, { recursive: true, mode: 0o750 });
fs.writeFileSync(cachePath, body, { mode: 0o600 });
fs.writeFileSync(cachePath, body);
process.umask(0o077);
