// bastion-fixture: src/main/scala/com/acme/audit/AuthSettings.scala
// ok: hardcoded-credentials
// Names of settings and headers, a label, and a secret read from the environment.
package com.acme.audit

object AuthSettings {
  val TokenHeader: String = "X-Audit-Token"
  val apiKeyName = "audit_api_key"
  val SecretLabel = "Signing Secret"
  val SigningKey: String = sys.env.getOrElse("AUDIT_SIGNING_KEY", "")
}

class Session(val token: String = "anonymous-session")
