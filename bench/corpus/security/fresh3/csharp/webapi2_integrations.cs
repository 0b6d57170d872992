using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using System.Web.Http;
using Newtonsoft.Json;

namespace Billing.Web.Controllers
{
    public class WebhookSubscription
    {
        public string CallbackUrl { get; set; }
        public string Event { get; set; }
    }

    public class IntegrationEvent
    {
        public string Type { get; set; }
        public DateTime OccurredAt { get; set; }
        public object Payload { get; set; }
    }

    [Authorize]
    [RoutePrefix("api/integrations")]
    public class IntegrationsController : ApiController
    {
        private static readonly HttpClient Http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        private static readonly HashSet<string> PartnerHosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "hooks.slack.com",
            "events.pagerduty.com",
            "api.opsgenie.com",
        };

        private readonly IIntegrationStore _store;

        public IntegrationsController(IIntegrationStore store)
        {
            _store = store;
        }

        private static StringContent Ping(string evt) =>
            new StringContent(JsonConvert.SerializeObject(new { @event = evt, sentAt = DateTime.UtcNow }), Encoding.UTF8, "application/json");

        [HttpPost, Route("subscriptions/test")]
        public async Task<IHttpActionResult> TestSubscription(WebhookSubscription sub)
        {
            var response = await Http.PostAsync(sub.CallbackUrl, Ping(sub.Event ?? "ping")); // vuln: CWE-918
            var body = await response.Content.ReadAsStringAsync();
            return Ok(new { status = (int)response.StatusCode, body });
        }

        [HttpPost, Route("alerts/notify")]
        public async Task<IHttpActionResult> Notify(WebhookSubscription sub)
        {
            if (!Uri.TryCreate(sub.CallbackUrl, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || !PartnerHosts.Contains(uri.Host))
            {
                return BadRequest("callback host is not an approved partner");
            }
            var response = await Http.PostAsync(uri, Ping("alert")); // safe: CWE-918
            return Ok(new { delivered = response.IsSuccessStatusCode });
        }

        [AllowAnonymous]
        [HttpPost, Route("events")]
        public async Task<IHttpActionResult> Receive()
        {
            var body = await Request.Content.ReadAsStringAsync();
            var evt = JsonConvert.DeserializeObject<IntegrationEvent>(body, new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.Auto }); // vuln: CWE-502
            if (evt == null || string.IsNullOrEmpty(evt.Type))
            {
                return BadRequest();
            }
            await _store.RecordAsync(evt.Type, evt.OccurredAt, evt.Payload);
            return StatusCode(System.Net.HttpStatusCode.Accepted);
        }

        [HttpGet, Route("oauth/callback")]
        public async Task<IHttpActionResult> OAuthCallback(string code, string state, string returnUrl = "/settings/integrations")
        {
            if (!await _store.ConsumeStateAsync(state))
            {
                return BadRequest("invalid state");
            }
            await _store.ExchangeCodeAsync(code);
            return Redirect(returnUrl); // vuln: CWE-601
        }

        [HttpGet, Route("connect/done")]
        public IHttpActionResult ConnectDone(string returnUrl = null)
        {
            return Redirect(new Uri(Request.RequestUri, LocalOnly(returnUrl))); // safe: CWE-601
        }

        private static string LocalOnly(string url)
        {
            if (string.IsNullOrEmpty(url) || url[0] != '/' || url.StartsWith("//") || url.Contains("\\"))
            {
                return "/settings/integrations";
            }
            return url;
        }
    }

    public interface IIntegrationStore
    {
        Task RecordAsync(string type, DateTime occurredAt, object payload);
        Task<bool> ConsumeStateAsync(string state);
        Task ExchangeCodeAsync(string code);
    }
}
