// bastion-fixture: src/routes/auth.ts
// ok: nosql-injection
import { Router } from 'express';
import { MongoClient } from 'mongodb';
import bcrypt from 'bcrypt';

const client = new MongoClient(process.env.MONGO_URL ?? '');
const users = client.db('app').collection('users');
const router = Router();

router.post('/login', async (req, res) => {
  // String() turns an operator object into plain text, so it can only match an equal email.
  const email = String(req.body.email);
  const user = await users.findOne({ email });
  if (!user || !(await bcrypt.compare(String(req.body.password), user.passwordHash))) {
    res.status(401).end();
    return;
  }
  res.json({ id: user._id });
});

export default router;
