// bastion-fixture: src/auth/ldap.ts
// ok: ldap-injection
import { Router } from 'express';
import { createClient } from 'ldapjs';

const ldapClient = createClient({ url: 'ldaps://ldap.internal' });
export const router = Router();
const UID = /^[a-z][a-z0-9._-]{0,31}$/;

router.post('/auth/lookup', (req, res) => {
  const uid: string = req.body.uid;
  if (!UID.test(uid)) {
    res.status(400).end();
    return;
  }
  ldapClient.search('dc=corp,dc=local', { filter: '(uid=' + uid + ')', scope: 'sub' }, (err, result) => {
    if (err) {
      res.status(502).end();
      return;
    }
    result.on('end', () => res.status(204).end());
  });
});
