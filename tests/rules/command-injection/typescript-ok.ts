// bastion-fixture: src/routes/tools.ts
// ok: command-injection
import { Router } from 'express';
import { execFile } from 'child_process';

const router = Router();

router.get('/tools/ping', (req, res) => {
  const host = req.query.host as string;
  // No shell: the host is one argv entry to ping, never parsed as a command line.
  execFile('ping', ['-c', '1', '--', host], (err, stdout) => {
    if (err) {
      res.status(502).send('unreachable');
      return;
    }
    res.type('text/plain').send(stdout);
  });
});

export default router;
