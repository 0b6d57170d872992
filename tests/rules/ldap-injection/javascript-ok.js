// bastion-fixture: src/routes/directory.js
// ok: ldap-injection
const express = require('express');
const ldap = require('ldapjs');

const router = express.Router();
const client = ldap.createClient({ url: process.env.LDAP_URL });

router.get('/directory/people', (req, res) => {
  // ldapjs escapes the value of a filter object built this way.
  const filter = new ldap.EqualityFilter({ attribute: 'cn', value: String(req.query.name) });
  const opts = { filter, scope: 'sub', attributes: ['cn', 'mail'] };
  const found = [];
  client.search('ou=people,dc=example,dc=com', opts, (err, search) => {
    if (err) return res.status(500).end();
    search.on('searchEntry', (entry) => found.push(entry.pojo));
    search.on('end', () => res.json(found));
  });
});

module.exports = router;
