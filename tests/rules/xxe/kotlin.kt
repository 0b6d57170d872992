// bastion-fixture: src/main/kotlin/com/acme/Import.kt
// expect: xxe
val factory = XMLInputFactory.newInstance()
