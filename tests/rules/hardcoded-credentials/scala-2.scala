// bastion-fixture: src/main/scala/com/acme/audit/AuditConfig.scala
package com.acme.audit

object AuditConfig {
// expect: hardcoded-credentials
  val SigningKey: String = "aud1t-s1gning-k3y-2024-prod-do-not-share"
  val Issuer: String = "https://audit.acme.example"
}
