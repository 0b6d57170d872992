// bastion-fixture: src/main/kotlin/com/acme/Http.kt
val client = OkHttpClient.Builder()
// expect: tls-verification-disabled
    .hostnameVerifier { _, _ -> true }
    .build()
