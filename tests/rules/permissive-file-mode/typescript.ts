// bastion-fixture: server/src/storage.ts
import * as fs from 'fs';
// expect: permissive-file-mode
fs.chmodSync(uploadDir, 0o777);
