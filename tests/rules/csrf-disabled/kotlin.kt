// bastion-fixture: src/main/kotlin/demo/SecurityConfig.kt
class SecurityConfig {
    @Bean
    fun chain(http: HttpSecurity): SecurityFilterChain {
// expect: csrf-disabled
        http.csrf().disable()
        return http.build()
    }
}
