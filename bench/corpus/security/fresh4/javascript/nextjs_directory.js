// pages/api/directory/[action].js
import ldap from 'ldapjs';
import serialize from 'node-serialize';
import fs from 'fs';

const LDAP_URL = process.env.LDAP_URL || 'ldaps://ldap.corp.example.com:636';
const BASE_DN = 'ou=people,dc=corp,dc=example,dc=com';

function escapeLdapFilter(value) {
  return String(value).replace(/[\\*()\0]/g, (ch) => '\\' + ch.charCodeAt(0).toString(16).padStart(2, '0'));
}

function createDirectoryClient() {
  return ldap.createClient({
    url: LDAP_URL,
    tlsOptions: { ca: [fs.readFileSync('/etc/ssl/certs/corp-root.pem')], rejectUnauthorized: true }, // safe: CWE-295
  });
}

function searchDirectory(client, filter) {
  return new Promise((resolve, reject) => {
    const entries = [];
    client.search(BASE_DN, { scope: 'sub', filter, attributes: ['cn', 'mail', 'title'] }, (err, res) => {
      if (err) return reject(err);
      res.on('searchEntry', (entry) => entries.push(entry.pojo || entry.object));
      res.on('error', reject);
      res.on('end', () => resolve(entries));
    });
  });
}

function readPreferences(req) {
  const raw = req.cookies.dir_prefs;
  if (!raw) {
    return { pageSize: 25, showPhotos: true };
  }
  const decoded = Buffer.from(raw, 'base64').toString('utf8');
  return serialize.unserialize(decoded); // vuln: CWE-502
}

async function lookupByName(req, res) {
  const name = req.query.name || '';
  const department = req.query.dept || '*';
  const client = createDirectoryClient();
  try {
    const filter = `(&(objectClass=person)(cn=*${name}*)(department=${department}))`;
    const people = await searchDirectory(client, filter); // vuln: CWE-90
    res.status(200).json({ people });
  } finally {
    client.unbind();
  }
}

async function lookupByMail(req, res) {
  const mail = escapeLdapFilter(req.query.mail || '');
  const client = createDirectoryClient();
  try {
    const people = await searchDirectory(client, `(&(objectClass=person)(mail=${mail}))`); // safe: CWE-90
    res.status(200).json({ people });
  } finally {
    client.unbind();
  }
}

export default async function handler(req, res) {
  if (req.method !== 'GET') {
    res.setHeader('Allow', 'GET');
    return res.status(405).end();
  }

  const prefs = readPreferences(req);
  res.setHeader('X-Page-Size', String(Number(prefs.pageSize) || 25));

  switch (req.query.action) {
    case 'by-name':
      return lookupByName(req, res);
    case 'by-mail':
      return lookupByMail(req, res);
    default:
      return res.status(404).json({ error: 'unknown action' });
  }
}
