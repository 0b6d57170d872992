// bastion-fixture: src/server/auth/markers.ts
// ok: hardcoded-credentials
// Strings that mark a state in a message or a log line, named for what they mark.
export const PASSWORD_RESET_MARKER = 'password-reset-requested';
export const tokenRefreshSentinel = 'token-refresh-in-progress';
export const passwordPrompt = 'Enter the account password';
