using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PolicySearch.Api.Apis;

/// <summary>Marks an endpoint that always needs <c>X-Api-Key</c>, so OpenAPI can say so.</summary>
internal sealed record ApiKeyRequired;

/// <summary>Documents the <c>X-Api-Key</c> scheme and which operations require it.</summary>
internal static class ApiKeyOpenApi
{
    private const string SchemeName = "ApiKey";

    public static OpenApiOptions AddApiKeySecurity(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyFilter.HeaderName,
                Description = "En nyckel från konfigurationen Access:ApiKeys. Krävs för uppladdning och borttagning, "
                    + "och för läsning när Access:RequireKeyForReads är satt.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiKeyRequired>().Any())
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] });
            }
            return Task.CompletedTask;
        });
        return options;
    }
}
