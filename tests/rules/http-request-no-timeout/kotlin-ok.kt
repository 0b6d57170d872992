// bastion-fixture: src/main/kotlin/com/acme/billing/BillingClientConfig.kt
// ok: http-request-no-timeout
package com.acme.billing

import java.time.Duration
import org.springframework.boot.web.client.RestTemplateBuilder
import org.springframework.context.annotation.Bean
import org.springframework.context.annotation.Configuration
import org.springframework.web.client.RestTemplate

@Configuration
class BillingClientConfig {
    @Bean
    fun billingRestTemplate(builder: RestTemplateBuilder): RestTemplate =
        builder
            .rootUri("https://billing.example.com")
            .setConnectTimeout(Duration.ofSeconds(2))
            .setReadTimeout(Duration.ofSeconds(5))
            .build()
}
