// bastion-fixture: src/routes/hooks.ts
// ok: ssrf
import { Router } from 'express';

const router = Router();
const WEBHOOK_HOSTS = new Set(['hooks.slack.com', 'discord.com']);

router.post('/hooks/test', async (req, res) => {
  const target = new URL(String(req.body.callback));
  if (target.protocol !== 'https:' || !WEBHOOK_HOSTS.has(target.hostname)) {
    res.status(400).json({ error: 'unsupported webhook host' });
    return;
  }
  await fetch(target, { method: 'POST', body: JSON.stringify({ text: 'test' }) });
  res.status(204).end();
});

export default router;
