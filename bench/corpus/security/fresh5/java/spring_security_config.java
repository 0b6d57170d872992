package com.acme.portal.config;

import java.util.List;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import javax.sql.DataSource;

@Configuration
@EnableWebSecurity
class PortalSecurityConfig {

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
        http
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/public/**", "/actuator/health").permitAll()
                .anyRequest().authenticated())
            .cors(cors -> cors.configurationSource(corsSource()))
            .csrf(csrf -> csrf.disable()) // vuln: CWE-352
            .formLogin(form -> form.loginPage("/login").permitAll());
        return http.build();
    }

    @Bean
    CorsConfigurationSource corsSource() {
        CorsConfiguration cfg = new CorsConfiguration();
        cfg.setAllowedOriginPatterns(List.of("*"));
        cfg.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
        cfg.setAllowCredentials(true); // vuln: CWE-942
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cfg);
        return source;
    }

    @Bean
    DataSource reportingDataSource(@Value("${reporting.db.url}") String url,
                                   @Value("${reporting.db.user}") String user,
                                   @Value("${REPORTING_DB_PASSWORD}") String password) {
        return DataSourceBuilder.create()
                .url(url)
                .username(user)
                .password(password) // safe: CWE-798
                .build();
    }
}

@Component
class SessionCookieWriter {

    void writeRememberMe(HttpServletResponse response, String token) {
        Cookie cookie = new Cookie("remember_me", token);
        cookie.setPath("/");
        cookie.setMaxAge(60 * 60 * 24 * 30);
        cookie.setHttpOnly(true);
        cookie.setSecure(false); // vuln: CWE-614
        response.addCookie(cookie);
    }

    void writeSession(HttpServletResponse response, String sessionId) {
        ResponseCookie cookie = ResponseCookie.from("PORTAL_SESSION", sessionId)
                .path("/")
                .sameSite("Lax")
                .secure(true)
                .httpOnly(true) // safe: CWE-1004
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
