// bastion-fixture: server/calc.ts
// expect: eval-injection
export const run = (code: string): unknown => eval(code);
