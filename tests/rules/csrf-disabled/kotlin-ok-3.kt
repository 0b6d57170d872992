// bastion-fixture: src/main/kotlin/demo/SecurityConfiguration.kt
// ok: csrf-disabled
import org.springframework.security.config.http.SessionCreationPolicy.STATELESS

class SecurityConfiguration {
    @Bean
    fun chain(http: HttpSecurity): SecurityFilterChain {
        http
            .sessionManagement { it.sessionCreationPolicy(STATELESS) }
            .csrf { it.disable() }
        return http.build()
    }
}
