// bastion-fixture: src/Api/Controllers/LdapInjectionController.cs
public class LdapInjectionController : ControllerBase
{
    [HttpGet("x")]
    public IActionResult Handle([FromQuery] string v)
    {
// ok: ldap-injection
        var s = new DirectorySearcher(root, "(objectClass=user)");
        return Ok();
    }
}
