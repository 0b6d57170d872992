// bastion-fixture: src/routes/exports.ts
import path from 'path';
import fs from 'fs';
import { Router } from 'express';
import { exportService } from '../services/exports';

export const router = Router();

router.get('/exports/:id', (req, res) => {
  // The service looks the export up by id; its file name comes from its own records.
  const file = exportService.fileNameFor(req.params.id);
  // expect: path-traversal
  res.send(fs.readFileSync(path.join('/var/exports', file)));
});

router.get('/raw', (req, res) => {
  const name = String(req.query.name).trim();
  // expect: path-traversal
  res.send(fs.readFileSync(path.join('/var/exports', name)));
});
