// bastion-fixture: src/main/kotlin/demo/security/DeviceSecurityConfiguration.kt
// ok: csrf-disabled
class DeviceSecurityConfiguration {
    // E-readers sync with an API key in a header; nothing here logs a browser in.
    @Bean
    fun deviceSyncChain(http: HttpSecurity): SecurityFilterChain {
        http {
            cors {}
            csrf { disable() }
            formLogin { disable() }
            httpBasic { disable() }
            logout { disable() }
            securityMatcher("/device-sync/**")
            authorizeHttpRequests {
                authorize(anyRequest, hasRole("DEVICE_SYNC"))
            }
            addFilterBefore<AnonymousAuthenticationFilter>(apiKeyFilter)
        }
        return http.build()
    }
}
