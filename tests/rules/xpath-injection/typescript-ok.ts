// bastion-fixture: src/routes/config.ts
// ok: xpath-injection
import { Router } from 'express';
import * as xpath from 'xpath';
import { DOMParser } from '@xmldom/xmldom';
import { readFileSync } from 'fs';

const router = Router();
const doc = new DOMParser().parseFromString(readFileSync('config/tenants.xml', 'utf8'), 'text/xml');

router.get('/tenants/:id/plan', (req, res) => {
  const id = Number.parseInt(req.params.id, 10);
  if (!Number.isSafeInteger(id)) {
    res.status(400).end();
    return;
  }
  const plan = xpath.select(`/tenants/tenant[@id='${id}']/plan/text()`, doc);
  res.json({ plan: String(plan) });
});

export default router;
