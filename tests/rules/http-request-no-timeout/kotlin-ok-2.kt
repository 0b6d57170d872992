// bastion-fixture: src/main/kotlin/app/config/ApplicationConfig.kt
// ok: http-request-no-timeout
// A RestTemplate made only to read its default converters; the builder sets the timeouts.
package app.config

import java.time.Duration
import org.springframework.boot.web.client.RestTemplateBuilder
import org.springframework.context.annotation.Bean
import org.springframework.context.annotation.Configuration
import org.springframework.web.client.RestTemplate

@Configuration
class ApplicationConfig {
    @Bean
    fun restTemplateBuilder(): RestTemplateBuilder =
        RestTemplateBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(30))
            .additionalMessageConverters(RestTemplate().messageConverters)
}
