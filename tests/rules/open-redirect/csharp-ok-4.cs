// bastion-fixture: src/Billing.Web/Controllers/ConnectController.cs
// ok: open-redirect
// The return address goes through the project's LocalOnly helper: a path of this site.
using System;
using System.Web.Http;

namespace Billing.Web.Controllers
{
    [RoutePrefix("connect")]
    public class ConnectController : ApiController
    {
        [HttpGet, Route("done")]
        public IHttpActionResult ConnectDone(string returnUrl = null)
        {
            return Redirect(new Uri(Request.RequestUri, LocalOnly(returnUrl)));
        }

        private static string LocalOnly(string url)
        {
            if (string.IsNullOrEmpty(url) || !url.StartsWith("/") || url.StartsWith("//"))
            {
                return "/";
            }
            return url;
        }
    }
}
