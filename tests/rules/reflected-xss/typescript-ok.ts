// bastion-fixture: src/routes/search.ts
// ok: reflected-xss
import { Router } from 'express';
import escapeHtml from 'escape-html';

const router = Router();

router.get('/search', (req, res) => {
  const q = String(req.query.q ?? '');
  res.send(`<h1>Results for ${escapeHtml(q)}</h1>`);
});

router.get('/search.json', (req, res) => {
  res.json({ query: req.query.q, results: [] });
});

export default router;
