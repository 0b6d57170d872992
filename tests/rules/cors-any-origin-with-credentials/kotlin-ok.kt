// bastion-fixture: src/main/kotlin/com/acme/web/CorsConfig.kt
// ok: cors-any-origin-with-credentials
package com.acme.web

import org.springframework.beans.factory.annotation.Value
import org.springframework.context.annotation.Configuration
import org.springframework.web.servlet.config.annotation.CorsRegistry
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer

@Configuration
class CorsConfig(@Value("\${app.frontend-url}") private val frontend: String) : WebMvcConfigurer {
    override fun addCorsMappings(registry: CorsRegistry) {
        registry.addMapping("/api/**")
            .allowedOrigins(frontend)
            .allowedMethods("GET", "POST", "PUT", "DELETE")
            .allowCredentials(true)
        registry.addMapping("/public/**").allowedOrigins("*")
    }
}
