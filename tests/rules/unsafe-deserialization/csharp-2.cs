// bastion-fixture: src/Billing.Web/Controllers/EventsController.cs
// The raw body read through Web API 2's Request.Content, deserialized with type names.
using System.Threading.Tasks;
using System.Web.Http;
using Newtonsoft.Json;

namespace Billing.Web.Controllers
{
    public class IntegrationEvent
    {
        public string Type { get; set; }
        public object Payload { get; set; }
    }

    [RoutePrefix("api/events")]
    public class EventsController : ApiController
    {
        [AllowAnonymous]
        [HttpPost, Route("")]
        public async Task<IHttpActionResult> Receive()
        {
            var body = await Request.Content.ReadAsStringAsync();
// expect: unsafe-deserialization
            var evt = JsonConvert.DeserializeObject<IntegrationEvent>(body, new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.Auto });
            return evt == null ? (IHttpActionResult)BadRequest() : Ok();
        }
    }
}
