// bastion-fixture: src/main/kotlin/demo/JsonConfig.kt
// ok: jackson-default-typing
@Configuration
class JsonConfig {
    @Bean
    fun mapper(): ObjectMapper = ObjectMapper().apply {
        registerModule(KotlinModule.Builder().build())
    }
}
