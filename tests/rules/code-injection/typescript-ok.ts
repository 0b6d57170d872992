// bastion-fixture: server/rules.ts
// ok: code-injection
import express from 'express';
export const run = (code: string): unknown => eval(code);
const formula = fs.readFileSync(path.join(__dirname, 'formula.js'), 'utf8');
const score = vm.runInNewContext(formula, { x: 1 });
function apply(req: Request) {
  const op = OPS.includes(req.query.op) ? req.query.op : 'sum';
  return eval(`${op}(values)`);
}
setTimeout(() => refresh(req.query.id), 10);
