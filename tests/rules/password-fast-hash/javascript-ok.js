// bastion-fixture: server/users.js
// ok: password-fast-hash
const etag = crypto.createHash('sha1').update(body).digest('hex');
const hashed = await bcrypt.hash(password, 12);
