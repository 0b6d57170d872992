// bastion-fixture: src/main/kotlin/demo/JsonConfig.kt
// ok: unsafe-deserialization
@Configuration
class JsonConfig {
    @Bean
    fun mapper(): ObjectMapper = ObjectMapper().apply {
        registerModule(KotlinModule.Builder().build())
    }
}
