// bastion-fixture: src/main/java/shop/web/AccountController.java
// The authenticated principal comes from the security context, not from the request's data.
package shop.web;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AccountController {
    private final JdbcTemplate jdbc;

    public AccountController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/account/audit")
    public List<Map<String, Object>> audit(OAuth2AuthenticationToken token) {
        String tenant = token.getAuthorizedClientRegistrationId().replaceAll("[^a-z]", "");
// ok: sql-injection
        return jdbc.queryForList("select * from audit_" + tenant + " order by id desc limit 50");
    }
}
