// bastion-fixture: src/main/java/demo/SecurityConfiguration.java
// ok: csrf-disabled
import static org.springframework.security.config.http.SessionCreationPolicy.STATELESS;

class SecurityConfiguration {
  @Bean
  SecurityFilterChain chain(HttpSecurity http) throws Exception {
    http
        .sessionManagement(sm -> sm.sessionCreationPolicy(STATELESS))
        .csrf(csrf -> csrf.disable())
        .oauth2ResourceServer(o -> o.jwt(withDefaults()));
    return http.build();
  }
}
