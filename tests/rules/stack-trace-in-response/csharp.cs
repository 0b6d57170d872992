// bastion-fixture: Controllers/ExportsController.cs
using Microsoft.AspNetCore.Mvc;

[ApiController]
[Route("api/exports")]
public class ExportsController : ControllerBase
{
    [HttpPost]
    public IActionResult Run()
    {
        try
        {
            return Ok(Exporter.Run());
        }
        catch (Exception ex)
        {
// expect: stack-trace-in-response
            return StatusCode(500, new { message = "Export failed", detail = ex.ToString() });
        }
    }
}
