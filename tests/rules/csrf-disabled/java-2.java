// bastion-fixture: portal/src/main/java/demo/portal/OidcSecurityConfigurer.java
package demo.portal;

public class OidcSecurityConfigurer extends WebSecurityConfigurerAdapter {
    // The browser portal signs users in with OIDC and keeps a session cookie.
    @Override
    protected void configure(HttpSecurity http) throws Exception {
// expect: csrf-disabled
        http.csrf().disable();
        http.httpBasic();
        http.authorizeRequests(requests -> requests.anyRequest().authenticated());
        http.oauth2Login();
    }
}
