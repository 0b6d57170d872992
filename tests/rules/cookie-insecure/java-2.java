// bastion-fixture: src/main/java/demo/AuthController.java
public class AuthController {
  ResponseEntity<Void> login(String token) {
// expect: cookie-insecure
    ResponseCookie cookie = ResponseCookie.from("access_token", token).httpOnly(true).path("/").build();
    ResponseCookie safe = ResponseCookie.from("refresh", token).httpOnly(true).secure(true).build();
    return ResponseEntity.ok().header(HttpHeaders.SET_COOKIE, cookie.toString()).build();
  }
}
