using Microsoft.AspNetCore.Http;

namespace Payouts.ServiceDefaults.ApiErrors;

/// <summary>The 401 a path answers when its request carries no token: seed 001 words it for the bulk family.</summary>
public static class MissingToken
{
    public const string BulkMessage = "No authorization token provided";

    public static ApiError For(PathString path) =>
        ApiFamilies.Classify(path) == ApiFamily.Bulk ? ApiError.AuthenticationRequired(BulkMessage) : ApiError.AuthenticationRequired();
}
