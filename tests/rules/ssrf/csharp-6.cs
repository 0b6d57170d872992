// bastion-fixture: src/Billing.Web/Controllers/IntegrationsController.cs
// A Web API action's model parameter is the request body: its callback URL is posted to.
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using System.Web.Http;

namespace Billing.Web.Controllers
{
    public class WebhookSubscription
    {
        public string CallbackUrl { get; set; }
        public string Event { get; set; }
    }

    [RoutePrefix("api/integrations")]
    public class IntegrationsController : ApiController
    {
        private static readonly HttpClient Http = new HttpClient();

        [HttpPost, Route("subscriptions/test")]
        public async Task<IHttpActionResult> TestSubscription(WebhookSubscription sub)
        {
            var ping = new StringContent("{\"event\":\"ping\"}", Encoding.UTF8, "application/json");
// expect: ssrf
            var response = await Http.PostAsync(sub.CallbackUrl, ping);
            return Ok(new { status = (int)response.StatusCode });
        }
    }
}
