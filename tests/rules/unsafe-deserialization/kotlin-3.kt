// bastion-fixture: src/main/kotlin/demo/JsonConfig.kt
@Configuration
class JsonConfig {
    @Bean
    fun mapper(): ObjectMapper = ObjectMapper().apply {
// expect: unsafe-deserialization
        enableDefaultTyping()
    }
}
