package com.acme.billing.config;

import java.io.IOException;
import java.util.List;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
@EnableWebSecurity
public class SecurityConfig implements WebMvcConfigurer {

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, JwtAuthFilter jwtFilter) throws Exception {
        http.securityMatcher("/api/**")
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
            .addFilterBefore(jwtFilter, UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain portalChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/login", "/assets/**").permitAll()
                .anyRequest().hasRole("CUSTOMER"))
            .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/invoices"))
            .logout(l -> l.logoutUrl("/logout"))
            .csrf(AbstractHttpConfigurer::disable); // vuln: CWE-352
        return http.build();
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/partner/**").allowedOrigins("https://portal.partner-a.com", "https://billing.partner-b.io").allowedMethods("GET", "POST").allowCredentials(true); // safe: CWE-942
        registry.addMapping("/widget/**").allowedOriginPatterns("*").allowedMethods("GET", "POST", "PUT").allowCredentials(true); // vuln: CWE-942
    }
}

@Component
class JwtAuthFilter extends OncePerRequestFilter {

    private final JWTVerifier verifier;

    JwtAuthFilter(@Value("${billing.jwt.secret}") String secret,
                  @Value("${billing.jwt.issuer}") String issuer) {
        this.verifier = JWT.require(Algorithm.HMAC256(secret)).withIssuer(issuer).build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.startsWith("Bearer ")) {
            String token = header.substring(7);
            try {
                DecodedJWT jwt = verifier.verify(token); // safe: CWE-347
                List<SimpleGrantedAuthority> roles = jwt.getClaim("roles").asList(String.class).stream()
                        .map(r -> new SimpleGrantedAuthority("ROLE_" + r))
                        .toList();
                SecurityContextHolder.getContext().setAuthentication(
                        new UsernamePasswordAuthenticationToken(jwt.getSubject(), null, roles));
            } catch (JWTVerificationException e) {
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "invalid token");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}

@Component
class TenantResolver {

    static final String TENANT_HEADER = "X-Tenant-Token";

    String resolveTenant(HttpServletRequest request) {
        String token = request.getHeader(TENANT_HEADER);
        if (token == null || token.isBlank()) {
            return "public";
        }
        DecodedJWT jwt = JWT.decode(token); // vuln: CWE-347
        String tenant = jwt.getClaim("tenant").asString();
        return tenant != null ? tenant : "public";
    }
}
