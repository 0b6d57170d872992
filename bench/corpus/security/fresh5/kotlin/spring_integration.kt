package com.acme.catalog.integration

import com.fasterxml.jackson.databind.ObjectMapper
import com.fasterxml.jackson.databind.jsontype.impl.LaissezFaireSubTypeValidator
import io.netty.handler.ssl.SslContextBuilder
import io.netty.handler.ssl.util.InsecureTrustManagerFactory
import org.springframework.context.annotation.Bean
import org.springframework.context.annotation.Configuration
import org.springframework.http.client.reactive.ReactorClientHttpConnector
import org.springframework.web.bind.annotation.PostMapping
import org.springframework.web.bind.annotation.RequestBody
import org.springframework.web.bind.annotation.RequestMapping
import org.springframework.web.bind.annotation.RequestParam
import org.springframework.web.bind.annotation.RestController
import org.springframework.web.reactive.function.client.WebClient
import org.springframework.web.reactive.function.client.awaitBody
import reactor.netty.http.client.HttpClient
import java.net.URI

@Configuration
class IntegrationClients {

    @Bean
    fun supplierClient(): WebClient {
        val ssl = SslContextBuilder.forClient()
            .trustManager(InsecureTrustManagerFactory.INSTANCE) // vuln: CWE-295
            .build()
        val http = HttpClient.create().secure { it.sslContext(ssl) }
        return WebClient.builder().clientConnector(ReactorClientHttpConnector(http)).build()
    }

    @Bean
    fun pricingClient(): WebClient {
        val ssl = SslContextBuilder.forClient().build() // safe: CWE-295
        val http = HttpClient.create().secure { it.sslContext(ssl) }
        return WebClient.builder().baseUrl("https://pricing.internal.acme.net").clientConnector(ReactorClientHttpConnector(http)).build()
    }

    @Bean
    fun polymorphicMapper(): ObjectMapper = ObjectMapper().apply {
        activateDefaultTyping(LaissezFaireSubTypeValidator.instance, ObjectMapper.DefaultTyping.NON_FINAL) // vuln: CWE-502
    }
}

data class FeedImport(val feedUrl: String, val supplier: String)

@RestController
@RequestMapping("/catalog/import")
class FeedImportController(
    private val supplierClient: WebClient,
    private val polymorphicMapper: ObjectMapper,
) {
    private val trustedFeedHosts = setOf("feeds.supplier-one.com", "export.supplier-two.de")

    @PostMapping("/preview")
    suspend fun preview(@RequestBody req: FeedImport): String {
        return WebClient.create().get().uri(req.feedUrl).retrieve().awaitBody<String>() // vuln: CWE-918
    }

    @PostMapping("/run")
    suspend fun run(@RequestParam feed: String): Int {
        val uri = URI(feed)
        require(uri.scheme == "https" && uri.host in trustedFeedHosts) { "feed host not allowed" }
        val body = supplierClient.get().uri(uri).retrieve().awaitBody<String>() // safe: CWE-918
        return body.lines().size
    }

    @PostMapping("/snapshot")
    fun restoreSnapshot(@RequestBody json: String): String {
        val snapshot = polymorphicMapper.readValue(json, Any::class.java)
        return snapshot.javaClass.simpleName
    }
}
