// bastion-fixture: src/routes/tools.ts
import { Router } from 'express';
import { exec } from 'child_process';

const router = Router();

router.get('/tools/ping', (req, res) => {
  const host = req.query.host as string;
// expect: command-injection
  exec(`ping -c 1 ${host}`, (err, stdout) => {
    if (err) {
      res.status(502).send('unreachable');
      return;
    }
    res.type('text/plain').send(stdout);
  });
});

export default router;
