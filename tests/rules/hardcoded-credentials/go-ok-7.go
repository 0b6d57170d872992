// bastion-fixture: client/android/ssh_client.go
// ok: hardcoded-credentials
package android

// PasswordRequiredMarker tells the Java side to prompt for a password and retry: an
// error's text passed across the binding, named for what it marks, not a password.
const PasswordRequiredMarker = "netbird-ssh-password-required"

// A sentinel value compared against, not a token.
const tokenExpiredSentinel = "session-token-expired-0001"

// The HKDF info label that separates this key's domain: public by design.
const sharedSecretKeyInfo = "nginx-ui/node-shared-secret/hmac-sha256/v1"
