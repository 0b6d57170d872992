// bastion-fixture: src/main/java/demo/SecurityConfig.java
class SecurityConfig {
  @Bean
  SecurityFilterChain chain(HttpSecurity http) throws Exception {
// expect: csrf-disabled
    http.csrf(csrf -> csrf.disable());
    return http.build();
  }
}
