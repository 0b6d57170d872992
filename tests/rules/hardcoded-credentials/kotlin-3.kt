// bastion-fixture: src/main/kotlin/org/example/db/DatabaseSettings.kt
// The property's name is a label; the default written beside it is a password in the code.
package org.example.db

object DatabaseSettings {
    const val DB_PASSWORD_PROPERTY = "databasePassword"
// expect: hardcoded-credentials
    const val DB_PASSWORD_DEFAULT = "Xk9#mP2vL8qR4wT7"
}
