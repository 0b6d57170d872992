package com.acme.crm.config;

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
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
@EnableWebSecurity
public class SecurityConfig implements WebMvcConfigurer {

    @Value("${crm.jwt.secret}")
    private String jwtSecret;

    @Bean
    @Order(0)
    SecurityFilterChain actuatorChain(HttpSecurity http) throws Exception {
        UserDetails ops = User.withUsername("ops-monitor").password("{noop}Mon1tor!2024-crm").roles("OPS").build(); // vuln: CWE-798
        http.securityMatcher("/actuator/**")
            .authorizeHttpRequests(a -> a.anyRequest().hasRole("OPS"))
            .userDetailsService(new InMemoryUserDetailsManager(ops))
            .httpBasic(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**")
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(AbstractHttpConfigurer::disable) // safe: CWE-352
            .cors(Customizer.withDefaults())
            .authorizeHttpRequests(a -> a.requestMatchers("/api/health").permitAll().anyRequest().authenticated())
            .addFilterBefore(new JwtAuthFilter(verifier()), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/**")
            .authorizeHttpRequests(a -> a.requestMatchers("/login", "/assets/**", "/sso/**").permitAll().anyRequest().authenticated())
            .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/app/pipeline", true))
            .logout(l -> l.logoutSuccessUrl("/login?bye"))
            .csrf(csrf -> csrf.disable()) // vuln: CWE-352
            .cors(Customizer.withDefaults())
            .addFilterBefore(new SsoHandoffFilter(), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/**").allowedOriginPatterns("*").allowedMethods("GET", "POST", "PUT", "DELETE").allowCredentials(true); // vuln: CWE-942
    }

    @Bean
    JWTVerifier verifier() {
        return JWT.require(Algorithm.HMAC256(jwtSecret)).withIssuer("crm.acme.io").acceptLeeway(30).build();
    }

    static final class JwtAuthFilter extends OncePerRequestFilter {
        private final JWTVerifier verifier;

        JwtAuthFilter(JWTVerifier verifier) {
            this.verifier = verifier;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
                throws ServletException, IOException {
            String header = req.getHeader(HttpHeaders.AUTHORIZATION);
            if (header != null && header.startsWith("Bearer ")) {
                try {
                    DecodedJWT jwt = verifier.verify(header.substring(7)); // safe: CWE-347
                    List<SimpleGrantedAuthority> roles = jwt.getClaim("roles").asList(String.class).stream()
                            .map(r -> new SimpleGrantedAuthority("ROLE_" + r))
                            .toList();
                    SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(jwt.getSubject(), null, roles));
                } catch (JWTVerificationException e) {
                    res.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                    return;
                }
            }
            chain.doFilter(req, res);
        }
    }

    /** Partner portal hands users over with ?sso_token=... after they signed in there. */
    static final class SsoHandoffFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
                throws ServletException, IOException {
            String ssoToken = req.getParameter("sso_token");
            if (req.getRequestURI().startsWith("/sso/") && ssoToken != null) {
                DecodedJWT handoff = JWT.decode(ssoToken); // vuln: CWE-347
                String email = handoff.getClaim("email").asString();
                List<SimpleGrantedAuthority> roles = List.of(new SimpleGrantedAuthority("ROLE_PARTNER"));
                SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(email, null, roles));
                req.getSession(true);
                res.sendRedirect("/app/pipeline");
                return;
            }
            chain.doFilter(req, res);
        }
    }
}
