// bastion-fixture: src/auth/ldap.ts
import { Router } from 'express';
import { createClient } from 'ldapjs';

const ldapClient = createClient({ url: 'ldaps://ldap.internal' });
export const router = Router();

router.post('/auth/lookup', (req, res) => {
  const uid: string = req.body.uid;
// expect: ldap-injection
  ldapClient.search('dc=corp,dc=local', { filter: '(uid=' + uid + ')', scope: 'sub' }, (err, result) => {
    if (err) {
      res.status(502).end();
      return;
    }
    result.on('end', () => res.status(204).end());
  });
});
