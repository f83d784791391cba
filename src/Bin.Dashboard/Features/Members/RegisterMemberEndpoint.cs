using System.Globalization;
using Bin.Dashboard.Infrastructure.Http;
using Bin.Domain;

namespace Bin.Dashboard.Features.Members;

/// <summary>
/// POST /api/networks/{id}/members: { name, phone, language?, consentMethod, consentAt? } → 201 { id }.
/// Bad fields → 400 naming each; a number that is already a member → 409 (by network count, never by name);
/// not the caller's network → 403; no such network → 404.
/// </summary>
public static class RegisterMemberEndpoint
{
    public sealed record Response(Guid Id);

    public static IEndpointRouteBuilder MapRegisterMember(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/networks/{id:guid}/members", (Guid id, HttpContext http, MemberCommands commands, CancellationToken ct) =>
                MemberProblems.Run(async () =>
                {
                    var body = await JsonBody.ReadAsync(http.Request, ct);
                    var input = new NewMember(body.OptionalString("name"), body.OptionalString("phone"), body.OptionalString("language"),
                        body.OptionalString("consentMethod"), ParseTime(body.OptionalString("consentAt"), "consentAt"));
                    var registered = await commands.RegisterAsync(id, input, http.User, ct);
                    return Results.Created($"/api/members/{registered.MemberId}", new Response(registered.MemberId));
                }))
            .RequireAuthorization(MemberAccess.Policy)
            .WithSummary("Register a member of the network (admin, or the network's coordinator).");
        return app;
    }

    internal static DateTimeOffset? ParseTime(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t
        : throw new DomainException($"{field} must be an ISO 8601 date-time, e.g. 2026-10-15T19:30:00+02:00.", field);
}
