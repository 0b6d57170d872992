// bastion-fixture: src/Web/Controllers/RefundsController.cs
// ok: open-redirect
using Microsoft.AspNetCore.Mvc;

public class RefundsController : Controller
{
    [HttpPost("refunds/{storeId}")]
    public IActionResult Create(string storeId, [FromForm] string payoutId)
    {
        // A URL of this application, from its route table.
        var refundUrl = Url.Action(nameof(PayoutsController.View), "Payouts", new { payoutId }, Request.Scheme);
        return Redirect(refundUrl!);
    }
}
