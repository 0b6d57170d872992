// bastion-fixture: server/convert.js
const { exec } = require('child_process');
router.post('/convert', (req, res) => {
  const name = req.body.name;
// expect: command-injection
  exec(`convert ${name} out.png`);
});
