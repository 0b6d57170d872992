// bastion-fixture: logaccess/elasticsearch/src/main/kotlin/ElasticsearchConfig.kt
// ok: hardcoded-credentials
// The constants name the configuration properties that hold the credentials, not the credentials.
package org.example.logaccess.elasticsearch

data class ElasticsearchConfig(val username: String?, val password: String?) {
    companion object {
        private const val USERNAME_PROPERTY = "elasticsearchUsername"
        private const val PASSWORD_PROPERTY = "elasticsearchPassword"
        private const val API_KEY_SETTING = "elasticsearch-api-key-v2"

        fun create(config: Map<String, String>) =
            ElasticsearchConfig(config[USERNAME_PROPERTY], config[PASSWORD_PROPERTY] ?: config[API_KEY_SETTING])
    }
}
