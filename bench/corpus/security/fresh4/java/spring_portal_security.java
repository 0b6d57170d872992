package com.acme.portal.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
@EnableWebSecurity
public class PortalSecurityConfig implements WebMvcConfigurer {

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        http
            .securityMatcher("/api/**")
            .csrf(csrf -> csrf.disable()) // vuln: CWE-352
            .cors(Customizer.withDefaults())
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/api/public/**").permitAll()
                .anyRequest().authenticated())
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
            .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain portalChain(HttpSecurity http) throws Exception {
        http
            .securityMatcher("/portal/**", "/login", "/logout")
            .csrf(csrf -> csrf.csrfTokenRepository(new HttpSessionCsrfTokenRepository())) // safe: CWE-352
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/login").permitAll()
                .anyRequest().hasRole("CUSTOMER"))
            .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/portal/home"))
            .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?bye"));
        return http.build();
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/api/**").allowedOriginPatterns("*").allowedMethods("GET", "POST", "PUT", "DELETE").allowCredentials(true); // vuln: CWE-942
        registry.addMapping("/api/public/**")
                .allowedOrigins("https://www.acme.com")
                .allowedMethods("GET");
    }

    @Service
    public static class ApiKeyService {

        private final SecureRandom random = new SecureRandom();

        public String newApiKey(String tenant) {
            byte[] buf = new byte[32];
            random.nextBytes(buf); // safe: CWE-330
            return "ak_" + tenant.toLowerCase().replaceAll("[^a-z0-9]", "") + "_" + HexFormat.of().formatHex(buf);
        }

        public String fingerprint(String apiKey) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                byte[] digest = sha.digest(apiKey.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest, 0, 8);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 unavailable", e);
            }
        }
    }
}
