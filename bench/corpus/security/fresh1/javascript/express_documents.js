'use strict';

const path = require('path');
const fs = require('fs');
const { exec, execFile } = require('child_process');
const express = require('express');
const multer = require('multer');
const AdmZip = require('adm-zip');

const STORAGE_ROOT = path.resolve(process.env.DOCS_ROOT || '/srv/app/documents');
const THUMB_SIZES = { small: '160x160', medium: '480x480', large: '1024x1024' };

const upload = multer({ dest: path.join(STORAGE_ROOT, 'incoming'), limits: { fileSize: 25 * 1024 * 1024 } });
const router = express.Router();

function tenantDir(req) {
  return path.join(STORAGE_ROOT, String(req.user.tenantId));
}

function resolveInside(baseDir, relative) {
  const resolved = path.resolve(baseDir, relative);
  if (resolved !== baseDir && !resolved.startsWith(baseDir + path.sep)) {
    return null;
  }
  return resolved;
}

router.get('/documents/:name/download', (req, res) => {
  const fileName = req.params.name;
  const fullPath = path.join(tenantDir(req), 'files', fileName);
  res.download(fullPath); // vuln: CWE-22
});

router.get('/documents/preview', (req, res) => {
  const baseDir = path.join(tenantDir(req), 'files');
  const target = resolveInside(baseDir, req.query.file || '');
  if (!target) {
    return res.status(400).json({ error: 'invalid file' });
  }
  return fs.createReadStream(target).pipe(res.type('application/pdf')); // safe: CWE-22
});

router.post('/documents/bundle', upload.single('archive'), (req, res, next) => {
  const destDir = path.join(tenantDir(req), 'files');
  try {
    const zip = new AdmZip(req.file.path);
    const imported = [];
    for (const entry of zip.getEntries()) {
      if (entry.isDirectory) {
        continue;
      }
      const outPath = path.join(destDir, entry.entryName);
      fs.mkdirSync(path.dirname(outPath), { recursive: true });
      fs.writeFileSync(outPath, entry.getData()); // vuln: CWE-22
      imported.push(entry.entryName);
    }
    fs.unlink(req.file.path, () => {});
    res.status(201).json({ imported });
  } catch (err) {
    next(err);
  }
});

router.post('/documents/:name/thumbnail', (req, res) => {
  const source = path.join(tenantDir(req), 'files', path.basename(req.params.name));
  const size = req.body.size || '160x160';
  const out = source + '.thumb.png';
  const cmd = `convert "${source}" -thumbnail ${size} "${out}"`;
  exec(cmd, { timeout: 15000 }, (err) => { // vuln: CWE-78
    if (err) {
      return res.status(500).json({ error: 'thumbnail failed' });
    }
    return res.json({ thumbnail: path.basename(out) });
  });
});

router.post('/documents/:name/thumbnail/v2', (req, res) => {
  const source = resolveInside(path.join(tenantDir(req), 'files'), req.params.name);
  const geometry = THUMB_SIZES[req.body.size];
  if (!source || !geometry) {
    return res.status(400).json({ error: 'bad request' });
  }
  const out = source + '.thumb.png';
  return execFile('convert', [source, '-thumbnail', geometry, out], { timeout: 15000 }, (err) => { // safe: CWE-78
    if (err) {
      return res.status(500).json({ error: 'thumbnail failed' });
    }
    return res.json({ thumbnail: path.basename(out) });
  });
});

router.delete('/documents/:name', (req, res) => {
  const target = resolveInside(path.join(tenantDir(req), 'files'), req.params.name);
  if (!target) {
    return res.status(400).end();
  }
  fs.unlink(target, (err) => res.status(err ? 404 : 204).end());
  return undefined;
});

module.exports = router;
