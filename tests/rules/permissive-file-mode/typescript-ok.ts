// bastion-fixture: server/storage.ts
// ok: permissive-file-mode
import * as fs from "fs";
fs.chmodSync(keyPath, 0o600);
fs.mkdirSync(uploadDir, { recursive: true, mode: 0o750 });
fs.writeFileSync(cachePath, body, { mode: 0o600 });
fs.writeFileSync(cachePath, body);
process.umask(0o077);
