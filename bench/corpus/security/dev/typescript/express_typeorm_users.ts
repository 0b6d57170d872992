import express, { Request, Response, NextFunction } from 'express';
import session from 'express-session';
import cors from 'cors';
import jwt from 'jsonwebtoken';
import crypto from 'crypto';
import { AppDataSource } from './data-source';
import { User } from './entity/User';
import { logger } from './logger';

const app = express();
app.use(express.json());
app.use(cors({ origin: true, credentials: true })); // vuln: CWE-942
app.use(
  session({
    secret: 'keyboard cat', // vuln: CWE-798
    cookie: { secure: false, httpOnly: true }, // vuln: CWE-614
  }),
);

const userRepo = AppDataSource.getRepository(User);
const SIGNING_KEY = process.env.SIGNING_KEY as string;

app.post('/users', async (req: Request, res: Response) => {
  const user = userRepo.create(req.body); // vuln: CWE-915
  await userRepo.save(user);
  res.status(201).json(user);
});

app.post('/users/safe', async (req: Request, res: Response) => {
  const { email, displayName } = req.body;
  const user = userRepo.create({ email, displayName }); // safe: CWE-915
  await userRepo.save(user);
  res.status(201).json(user);
});

app.get('/users/lookup', async (req: Request, res: Response) => {
  const users = await userRepo.query('SELECT id, email FROM "user" WHERE email = \'' + req.query.email + '\''); // vuln: CWE-89
  res.json(users);
});

app.get('/users/lookup-safe', async (req: Request, res: Response) => {
  const users = await userRepo.findBy({ email: String(req.query.email) }); // safe: CWE-89
  res.json(users);
});

function authenticate(req: Request, res: Response, next: NextFunction) {
  const token = (req.headers.authorization || '').slice(7);
  try {
    (req as any).claims = jwt.verify(token, SIGNING_KEY, { algorithms: ['HS256'] }); // safe: CWE-347
    next();
  } catch {
    res.status(401).end();
  }
}

function authenticateLegacy(req: Request, _res: Response, next: NextFunction) {
  const token = (req.headers.authorization || '').slice(7);
  (req as any).claims = jwt.decode(token); // vuln: CWE-347
  next();
}

app.get('/users/me', authenticate, async (req: Request, res: Response) => {
  res.json(await userRepo.findOneBy({ id: (req as any).claims.sub }));
});

app.get('/users/legacy-me', authenticateLegacy, async (req: Request, res: Response) => {
  res.json(await userRepo.findOneBy({ id: (req as any).claims.sub }));
});

app.post('/users/:id/reset', async (req: Request, res: Response) => {
  const token = crypto.randomBytes(24).toString('base64url'); // safe: CWE-330
  logger.info(`password reset for user ${req.params.id}`); // vuln: CWE-117
  res.json({ token });
});

app.post('/users/:id/invite', async (req: Request, res: Response) => {
  const code = Math.floor(Math.random() * 1_000_000).toString().padStart(6, '0'); // vuln: CWE-330
  res.json({ code });
});

app.get('/users/:id/card', (req: Request, res: Response) => {
  res.set('Content-Type', 'text/html');
  res.end('<h3>' + req.query.title + '</h3>'); // vuln: CWE-79
});

app.get('/users/:id/card-safe', (req: Request, res: Response) => {
  res.json({ title: req.query.title }); // safe: CWE-79
});

app.get('/users/header', (req: Request, res: Response) => {
  res.setHeader('X-Display-Name', String(req.query.name)); // vuln: CWE-113
  res.end();
});

export default app;
