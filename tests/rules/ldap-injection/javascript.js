// bastion-fixture: src/routes/directory.js
const express = require('express');
const ldap = require('ldapjs');

const router = express.Router();
const client = ldap.createClient({ url: process.env.LDAP_URL });

router.get('/directory/people', (req, res) => {
  const opts = {
    filter: `(&(objectClass=person)(cn=${req.query.name}))`,
    scope: 'sub',
    attributes: ['cn', 'mail'],
  };
  const found = [];
// expect: ldap-injection
  client.search('ou=people,dc=example,dc=com', opts, (err, search) => {
    if (err) return res.status(500).end();
    search.on('searchEntry', (entry) => found.push(entry.pojo));
    search.on('end', () => res.json(found));
  });
});

module.exports = router;
