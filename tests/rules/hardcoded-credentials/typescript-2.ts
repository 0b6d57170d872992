// bastion-fixture: server/config/auth.ts
export const options = {
  // Real secrets written in the code, camel case or not.
// expect: hardcoded-credentials
  secret: 'mySecretSigningKey',
// expect: hardcoded-credentials
  password: 'Tr0ub4dor&3',
};
