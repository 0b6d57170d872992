// bastion-fixture: src/main/kotlin/com/acme/Users.kt
fun hash(password: String): ByteArray {
    val md = MessageDigest.getInstance("SHA-256")
// expect: password-fast-hash
    return md.digest(password.toByteArray())
}
