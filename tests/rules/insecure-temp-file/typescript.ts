// bastion-fixture: server/export.ts
const fs = require('fs');
const os = require('os');
const path = require('path');

function write(body) {
// expect: insecure-temp-file
  fs.writeFileSync('/tmp/export.csv', body);
// expect: insecure-temp-file
  fs.writeFileSync(path.join(os.tmpdir(), 'export.csv'), body);
}
module.exports = { write };
