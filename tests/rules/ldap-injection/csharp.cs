// bastion-fixture: src/Api/Controllers/LdapInjectionController.cs
public class LdapInjectionController : ControllerBase
{
    [HttpGet("x")]
    public IActionResult Handle([FromQuery] string v)
    {
// expect: ldap-injection
        var s = new DirectorySearcher(root, "(uid=" + v + ")");
        return Ok();
    }
}
