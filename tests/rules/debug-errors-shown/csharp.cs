// bastion-fixture: src/Api/Program.cs
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
// expect: debug-errors-shown
app.UseDeveloperExceptionPage();
app.MapControllers();
app.Run();
