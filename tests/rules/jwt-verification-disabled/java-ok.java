// bastion-fixture: src/main/java/com/acme/auth/Tokens.java
// ok: jwt-verification-disabled
class Tokens {
  Claims read(String token) {
    return Jwts.parser().setSigningKey(key).parseClaimsJws(token).getBody();
  }
}
