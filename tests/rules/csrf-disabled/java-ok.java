// bastion-fixture: src/main/java/demo/SecurityConfig.java
// ok: csrf-disabled
class SecurityConfig {
  @Bean
  SecurityFilterChain chain(HttpSecurity http) throws Exception {
    http.csrf(csrf -> csrf.ignoringRequestMatchers("/webhooks/**"));
    return http.build();
  }
}
