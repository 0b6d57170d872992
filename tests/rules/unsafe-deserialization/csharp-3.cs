// bastion-fixture: src/Shop.Web/Program.cs
// Json.NET reads the type to build from each request body's `$type`.
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddControllers()
    .AddNewtonsoftJson(options =>
    {
        options.SerializerSettings.ContractResolver = new CamelCasePropertyNamesContractResolver();
// expect: unsafe-deserialization
        options.SerializerSettings.TypeNameHandling = TypeNameHandling.All;
    });

var app = builder.Build();
app.MapControllers();
app.Run();
