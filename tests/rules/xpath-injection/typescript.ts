// bastion-fixture: src/routes/config.ts
import { Router } from 'express';
import * as xpath from 'xpath';
import { DOMParser } from '@xmldom/xmldom';
import { readFileSync } from 'fs';

const router = Router();
const doc = new DOMParser().parseFromString(readFileSync('config/tenants.xml', 'utf8'), 'text/xml');

router.get('/tenants/:id/plan', (req, res) => {
  const expr = "/tenants/tenant[@id='" + req.params.id + "']/plan/text()";
// expect: xpath-injection
  const plan = xpath.select(expr, doc);
  res.json({ plan: String(plan) });
});

export default router;
