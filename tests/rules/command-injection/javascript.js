// bastion-fixture: server/convert.js
const { exec } = require('child_process');
function convert(name) {
// expect: command-injection
  exec(`convert ${name} out.png`);
}
