// bastion-fixture: server/jobs.js
// ok: command-injection
const { exec, execSync } = require('child_process');
function convert(name) {
  exec(`convert ${name} out.png`);
}
execSync(`git rev-parse ${BRANCH}`);
router.post('/fmt', (req, res) => {
  const fmt = FORMATS.includes(req.body.fmt) ? req.body.fmt : 'png';
  exec(`convert in.tiff out.${fmt}`);
});
