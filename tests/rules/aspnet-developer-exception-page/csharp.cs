// bastion-fixture: src/Api/Program.cs
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
// expect: aspnet-developer-exception-page
app.UseDeveloperExceptionPage();
app.MapControllers();
app.Run();
