// bastion-fixture: server/calc.js
function calc(req, res) {
// expect: eval-injection
  const result = eval(req.query.expr);
// expect: eval-injection
  const fn = new Function('x', req.body.code);
// expect: eval-injection
  setTimeout(`refresh(${req.query.id})`, 10);
  res.json({ result, v: fn(1) });
}
