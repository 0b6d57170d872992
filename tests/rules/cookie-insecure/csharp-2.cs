// bastion-fixture: Controllers/CartController.cs
public class CartController : ControllerBase
{
    public IActionResult Add(string id)
    {
// expect: cookie-insecure
        Response.Cookies.Append("cart", id);
// expect: cookie-insecure
        Response.Cookies.Append("uid", id, new CookieOptions { HttpOnly = true });
        Response.Cookies.Append("sid", id, new CookieOptions { Secure = true, HttpOnly = true });
        Response.Cookies.Append("x", id, _options);
        return Ok();
    }
}
