// bastion-fixture: src/Shop.Web/Program.cs
// Type names are read, but a binder allows only the shop's own event types.
using Newtonsoft.Json;
using Shop.Events;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddControllers()
    .AddNewtonsoftJson(options =>
    {
// ok: unsafe-deserialization
        options.SerializerSettings.TypeNameHandling = TypeNameHandling.Auto;
        options.SerializerSettings.SerializationBinder = new KnownTypesBinder(typeof(OrderPlaced), typeof(OrderShipped));
    });

var app = builder.Build();
app.MapControllers();
app.Run();
