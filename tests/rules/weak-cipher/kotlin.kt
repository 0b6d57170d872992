// bastion-fixture: src/main/kotlin/com/acme/Seal.kt
// expect: weak-cipher
val c: Cipher = Cipher.getInstance("DESede/CBC/PKCS5Padding")
