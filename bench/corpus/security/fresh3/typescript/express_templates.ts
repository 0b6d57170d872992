import express, { Request, Response, NextFunction } from 'express';
import ejs from 'ejs';
import path from 'path';
import winston from 'winston';

const app = express();
app.use(express.json());
app.use(express.urlencoded({ extended: false }));
app.set('view engine', 'ejs');
app.set('views', path.join(__dirname, 'views'));

const logger = winston.createLogger({
  level: 'info',
  format: winston.format.simple(),
  transports: [new winston.transports.Console()],
});

interface Campaign {
  id: string;
  subject: string;
  body: string;
}

const campaigns = new Map<string, Campaign>();

const PRICING_RULES: Record<string, (qty: number) => number> = {
  flat: (qty) => qty * 10,
  bulk: (qty) => (qty > 100 ? qty * 8 : qty * 10),
  tiered: (qty) => Math.min(qty, 50) * 10 + Math.max(qty - 50, 0) * 7,
};

function clean(value: unknown): string {
  return String(value ?? '').replace(/[\r\n\t]+/g, ' ').slice(0, 200);
}

// POST /campaigns/preview  { subject, body, sample: { firstName } }
app.post('/campaigns/preview', (req: Request, res: Response, next: NextFunction) => {
  try {
    const draft: Campaign = { id: 'draft', subject: req.body.subject, body: req.body.body };
    const html = ejs.render(draft.body, { firstName: req.body.sample?.firstName ?? 'Friend' }); // vuln: CWE-1336
    res.type('html').send(html);
  } catch (err) {
    next(err);
  }
});

// GET /campaigns/:id/render?firstName=...
app.get('/campaigns/:id/render', async (req: Request, res: Response, next: NextFunction) => {
  const campaign = campaigns.get(req.params.id);
  if (!campaign) {
    return res.status(404).send('unknown campaign');
  }
  try {
    const file = path.join(__dirname, 'views', 'campaign.ejs');
    const html = await ejs.renderFile(file, { subject: campaign.subject, firstName: req.query.firstName }); // safe: CWE-1336
    res.type('html').send(html);
  } catch (err) {
    next(err);
  }
});

// POST /pricing/quote  { formula: "qty * 9.5", qty: 12 }
app.post('/pricing/quote', (req: Request, res: Response) => {
  const qty = parseInt(String(req.body.qty), 10) || 0;
  const formula = String(req.body.formula || 'qty * 10');
  const compute = new Function('qty', `return (${formula});`); // vuln: CWE-94
  res.json({ qty, price: compute(qty) });
});

// POST /pricing/quote-rule  { rule: "bulk", qty: 120 }
app.post('/pricing/quote-rule', (req: Request, res: Response) => {
  const qty = parseInt(String(req.body.qty), 10) || 0;
  const rule = Object.prototype.hasOwnProperty.call(PRICING_RULES, req.body.rule) ? PRICING_RULES[req.body.rule] : PRICING_RULES.flat;
  res.json({ qty, price: rule(qty) });
});

// POST /unsubscribe  (form)
app.post('/unsubscribe', (req: Request, res: Response) => {
  const email = req.body.email;
  const reason = req.body.reason;
  logger.info(`unsubscribe request email=${email} reason=${reason}`); // vuln: CWE-117
  logger.info(`unsubscribe source ua=${clean(req.get('user-agent'))} ref=${clean(req.get('referer'))}`); // safe: CWE-117
  res.render('unsubscribed', { email });
});

app.listen(Number(process.env.PORT) || 3000, () => logger.info('templates service up'));

export default app;
