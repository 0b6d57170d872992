// bastion-fixture: src/main/kotlin/com/acme/Client.kt
// expect: http-request-no-timeout
val rest = RestTemplate()
