// bastion-fixture: server/storage.ts
import * as fs from "fs";
// expect: permissive-file-mode
fs.chmodSync(keyPath, 0o666);
// expect: permissive-file-mode
fs.mkdirSync(uploadDir, { recursive: true, mode: 0o777 });
// expect: permissive-file-mode
fs.writeFileSync(cachePath, body, { mode: 0o777 });
// expect: permissive-file-mode
process.umask(0);
