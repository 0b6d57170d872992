// bastion-fixture: server/calc.js
// ok: code-injection
// eval(req.query.expr) was removed
const one = eval('1 + 1');
setTimeout(() => refresh(id), 10);
setTimeout(() => {
  http.get(`http://localhost:${port}`, done);
}, 10);
const out = await redis.eval(script, 1, key);
const f = new Function('a', 'b', 'return a + b');
const m = /x/.exec(input);
