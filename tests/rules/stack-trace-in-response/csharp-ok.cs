// bastion-fixture: Controllers/ExportsController.cs
// ok: stack-trace-in-response
using Microsoft.AspNetCore.Mvc;

[ApiController]
[Route("api/exports")]
public class ExportsController : ControllerBase
{
    private readonly ILogger<ExportsController> _logger;

    public ExportsController(ILogger<ExportsController> logger) => _logger = logger;

    [HttpPost]
    public IActionResult Run()
    {
        try
        {
            return Ok(Exporter.Run());
        }
        catch (Exception ex)
        {
            _logger.LogError("Export failed: {Trace}", ex.ToString());
            return StatusCode(500, new { message = "Export failed", traceId = HttpContext.TraceIdentifier });
        }
    }
}
