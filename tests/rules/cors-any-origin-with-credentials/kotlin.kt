// bastion-fixture: src/main/kotlin/com/acme/web/Cors.kt
class Cors : WebMvcConfigurer {
    override fun addCorsMappings(r: CorsRegistry) {
// expect: cors-any-origin-with-credentials
        r.addMapping("/**").allowedOriginPatterns("*").allowCredentials(true)
    }
}
