// bastion-fixture: src/main/java/billing/SsoController.java
// Spring: the `next` parameter becomes the Location of a 302.
package billing;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class SsoController {
    @GetMapping("/sso/callback")
    public ResponseEntity<Void> afterLogin(@RequestParam(name = "next", defaultValue = "/billing") String next) {
        HttpHeaders headers = new HttpHeaders();
// expect: open-redirect
        headers.setLocation(URI.create(next));
        return new ResponseEntity<>(headers, HttpStatus.FOUND);
    }
}
