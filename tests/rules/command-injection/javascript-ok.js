// bastion-fixture: server/convert.js
// ok: command-injection
const { execFile } = require('child_process');
execFile('convert', [name, 'out.png']);
const m = pattern.exec(`${name}`);
