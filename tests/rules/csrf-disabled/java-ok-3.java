// bastion-fixture: registry/src/main/java/demo/registry/RegistrySecurityConfigurer.java
// ok: csrf-disabled
package demo.registry;

public class RegistrySecurityConfigurer extends WebSecurityConfigurerAdapter {
    // Services register themselves with HTTP Basic; no browser signs in here.
    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http.csrf().disable();
        http.httpBasic();
        http.authorizeRequests().antMatchers("/registry/**").hasRole("SERVICE");
    }
}
