using PolicySearch.Api.Apis;
using PolicySearch.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddPolicySearchIndex();
builder.Services.AddApiConventions();
builder.Services.AddTrustedProxies();
builder.Services.AddPerClientRateLimiting();
builder.Services.AddConfiguredCors();
builder.Services.AddKestrelLimits(builder.Configuration);

var app = builder.Build();

app.UseTrustedProxies();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseHttpLogging();
app.UseCors();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseRateLimiter();

app.MapOpenApi();
app.MapHealthApi();

var api = app.MapGroup("/api")
    .RequireRateLimiting(RateLimitingExtensions.PerClientPolicy)
    .RequireApiKeyForReads()
    .ProducesValidationProblem()
    .ProducesProblem(StatusCodes.Status429TooManyRequests);
api.MapSearchApi()
    .MapDocumentsApi()
    .MapPassagesApi()
    .MapSpeakersApi()
    .MapStatsApi();

app.LogListeningAddresses();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
