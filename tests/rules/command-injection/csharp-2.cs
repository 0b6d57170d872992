// bastion-fixture: src/Ops.Web/Pages/Tools/Ping.cshtml.cs
// A Razor page handler's parameter is bound from the posted form.
using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ops.Web.Pages.Tools
{
    public class PingModel : PageModel
    {
        public string Output { get; private set; } = "";

        public IActionResult OnPostPing(string host)
        {
// expect: command-injection
            var proc = Process.Start(new ProcessStartInfo("/bin/sh", "-c \"ping -c 1 " + host + "\"") { RedirectStandardOutput = true });
            Output = proc!.StandardOutput.ReadToEnd();
            return Page();
        }
    }
}
