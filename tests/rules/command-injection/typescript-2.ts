// bastion-fixture: src/routes/exports.ts
import { Router } from 'express';
import { exec } from 'child_process';

export const exportsRouter = Router();

// A callback reads the handler's variables: the Promise executor runs the command.
exportsRouter.post('/exports/dump', async (req, res) => {
  const { table } = req.body as { table: string };
  await new Promise<void>((resolve, reject) => {
// expect: command-injection
    exec(`psql -c "SELECT * FROM ${table}"`, (err) => (err ? reject(err) : resolve()));
  });
  res.status(201).json({});
});
