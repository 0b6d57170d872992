// bastion-fixture: server/auth/reset.js
function issue(user) {
// expect: insecure-random
  const resetToken = Math.random().toString(36).slice(2);
  return store.save(user.id, resetToken);
}
