// bastion-fixture: server/storage.js
const fs = require('fs');
// expect: permissive-file-mode
fs.chmodSync(keyPath, 0o666);
// expect: permissive-file-mode
fs.mkdirSync(uploadDir, { recursive: true, mode: 0o777 });
// expect: permissive-file-mode
fs.writeFileSync(cachePath, body, { mode: 0o777 });
// expect: permissive-file-mode
process.umask(0);
