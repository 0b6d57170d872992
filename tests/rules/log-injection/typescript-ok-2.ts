// bastion-fixture: src/routes/unsubscribe.ts
// ok: log-injection
// Line breaks are replaced before the values are logged: one entry stays one line.
import express, { Request, Response } from 'express';
import pino from 'pino';

const logger = pino();
const app = express();

function clean(value: unknown): string {
  return String(value ?? '').replace(/[\r\n\t]+/g, ' ').slice(0, 200);
}

app.post('/unsubscribe', (req: Request, res: Response) => {
  logger.info(`unsubscribe source ua=${clean(req.get('user-agent'))} ref=${clean(req.get('referer'))}`);
  logger.info(`campaign=${String(req.body.campaign).replaceAll('\n', ' ')}`);
  res.render('unsubscribed');
});

export default app;
