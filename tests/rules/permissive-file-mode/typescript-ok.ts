// bastion-fixture: server/src/storage.ts
// ok: permissive-file-mode
import * as fs from 'fs';
fs.chmodSync(uploadDir, 0o750);
