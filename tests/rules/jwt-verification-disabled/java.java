// bastion-fixture: src/main/java/com/acme/auth/Tokens.java
package com.acme.auth;
class Tokens {
  Claims read(String token) {
// expect: jwt-verification-disabled
    return Jwts.parser().parseClaimsJwt(token).getBody();
  }
}
