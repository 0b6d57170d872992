// bastion-fixture: src/main/kotlin/no/example/config/SecurityConfiguration.kt
// ok: csrf-disabled
package no.example.config

import org.springframework.context.annotation.Bean
import org.springframework.security.config.annotation.web.builders.HttpSecurity
import org.springframework.security.config.annotation.web.invoke
import org.springframework.security.web.SecurityFilterChain

class SecurityConfiguration {
    // Every request permitted, no login: nothing for a forged request to ride on.
    @Bean
    fun publicChain(http: HttpSecurity): SecurityFilterChain {
        http {
            csrf { disable() }
            securityMatcher("/internal/**")
            authorizeHttpRequests { authorize(anyRequest, permitAll) }
        }
        return http.build()
    }

    // A bearer-token resource server: the browser sends no cookie that logs in here.
    @Bean
    fun apiChain(http: HttpSecurity): SecurityFilterChain {
        http {
            csrf { disable() }
            securityMatcher("/api/**")
            authorizeHttpRequests { authorize(anyRequest, authenticated) }
            oauth2ResourceServer { jwt { } }
        }
        return http.build()
    }
}
