const crypto = require('crypto');
const express = require('express');

const router = express.Router();

const DATA_KEY = Buffer.from(process.env.DATA_KEY_HEX, 'hex');
const LEGACY_KEY = Buffer.from(process.env.LEGACY_KEY_HEX, 'hex');
const LEGACY_IV = Buffer.from('00112233445566778899aabbccddeeff', 'hex');

class TokenVault {
  constructor(key) {
    this.key = key;
  }

  seal(plaintext) {
    const iv = crypto.randomBytes(12); // safe: CWE-329
    const cipher = crypto.createCipheriv('aes-256-gcm', this.key, iv); // safe: CWE-327
    const enc = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), enc]).toString('base64');
  }

  open(sealed) {
    const buf = Buffer.from(sealed, 'base64');
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.key, buf.subarray(0, 12));
    decipher.setAuthTag(buf.subarray(12, 28));
    return Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString('utf8');
  }
}

const vault = new TokenVault(DATA_KEY);

function legacyEncrypt(value) {
  const cipher = crypto.createCipheriv('aes-128-cbc', LEGACY_KEY.subarray(0, 16), LEGACY_IV); // vuln: CWE-329
  return Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]).toString('hex');
}

function fingerprintCard(pan) {
  const cipher = crypto.createCipheriv('des-ede3-ecb', LEGACY_KEY.subarray(0, 24), null); // vuln: CWE-327
  return Buffer.concat([cipher.update(pan, 'utf8'), cipher.final()]).toString('hex');
}

router.post('/tokens', (req, res) => {
  res.json({ token: vault.seal(req.body.secret) });
});

router.post('/legacy/export', (req, res) => {
  res.json({ account: legacyEncrypt(req.body.accountNumber), card: fingerprintCard(req.body.pan) });
});

router.post('/discounts/preview', (req, res) => {
  const { formula, price, quantity } = req.body;
  const compute = new Function('price', 'quantity', `return ${formula};`); // vuln: CWE-95
  res.json({ total: compute(Number(price), Number(quantity)) });
});

module.exports = router;
