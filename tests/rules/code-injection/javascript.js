// bastion-fixture: server/calc.js
function calc(req, res) {
// expect: code-injection
  const result = eval(req.query.expr);
// expect: code-injection
  const fn = new Function('x', req.body.code);
// expect: code-injection
  setTimeout(`refresh(${req.query.id})`, 10);
  res.json({ result, v: fn(1) });
}
