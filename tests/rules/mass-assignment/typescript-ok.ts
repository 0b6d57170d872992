// bastion-fixture: server/routes/users.ts
// ok: mass-assignment
import express from 'express';
const { name, email } = req.body;
const user = await User.create({ name, email });
await User.update(req.body.name);
