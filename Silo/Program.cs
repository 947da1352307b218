using O2C.Api;
using O2C.Api.Dashboard;
using O2C.Delivery;
using O2C.Grains;
using O2C.Silo.Database;
using O2C.Silo.Demo;
using O2C.Silo.Hosting;
using O2C.Silo.Telemetry;

var builder = WebApplication.CreateBuilder(args);
builder.AddO2CDemo(args);
builder.AddO2CDatabase();
builder.AddO2CTelemetry();
builder.AddO2CSilo();
builder.AddO2CGrains();
builder.AddMessageDelivery();
builder.AddO2CApi();
builder.AddPaymentLinksOnInvoices();
builder.Services.AddDashboard();

var app = builder.Build();
app.MapO2CHealth();
app.MapO2CTelemetry();
app.MapO2CApi();
app.MapDashboardEndpoints();
app.MapO2CClusterDashboard();
app.Run();

public partial class Program;
