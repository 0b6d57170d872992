// bastion-fixture: src/routes/auth.ts
import { Router } from 'express';
import { MongoClient } from 'mongodb';
import bcrypt from 'bcrypt';

const client = new MongoClient(process.env.MONGO_URL ?? '');
const users = client.db('app').collection('users');
const router = Router();

router.post('/login', async (req, res) => {
  // A JSON body of {"email": {"$ne": null}} matches the first user.
// expect: nosql-injection
  const user = await users.findOne({ email: req.body.email });
  if (!user || !(await bcrypt.compare(String(req.body.password), user.passwordHash))) {
    res.status(401).end();
    return;
  }
  res.json({ id: user._id });
});

export default router;
