// bastion-fixture: server/export.ts
// ok: insecure-temp-file
const fs = require('fs');
const os = require('os');
const path = require('path');

function write(body) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-'));
  fs.writeFileSync(path.join(dir, 'export.csv'), body);
  return fs.readFileSync('/tmp/shared-config.json', 'utf8');
}
module.exports = { write };
