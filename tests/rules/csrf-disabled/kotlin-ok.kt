// bastion-fixture: src/main/kotlin/demo/SecurityConfig.kt
// ok: csrf-disabled
class SecurityConfig {
    @Bean
    fun chain(http: HttpSecurity): SecurityFilterChain {
        http.csrf { it.ignoringRequestMatchers("/webhooks/**") }
        return http.build()
    }
}
