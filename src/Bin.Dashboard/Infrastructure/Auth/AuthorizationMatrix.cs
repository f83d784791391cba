using static Bin.Dashboard.Infrastructure.Auth.Access;

namespace Bin.Dashboard.Infrastructure.Auth;

/// <summary>What a principal gets from an endpoint. The matrix test (tests/…/Security/AuthorizationMatrixTests) checks each by status.</summary>
public enum Access
{
    /// <summary>Public: reached without signing in; the request's own content or credentials decide the answer.</summary>
    Open,

    /// <summary>Needs a signed-in user: 401 for the API and the hub, a redirect to the sign-in page for pages.</summary>
    SignIn,

    /// <summary>Signed in, but the role may not: 403.</summary>
    Deny,

    /// <summary>Served (a 400 or 409 about the request's content still means the role may).</summary>
    Allow,

    /// <summary>Served, but holding only what concerns the user's own networks.</summary>
    Scoped,

    /// <summary>404: a resource of another network does not exist for this user.</summary>
    Hidden,

    /// <summary>Only requests signed by the SMS provider (X-Twilio-Signature); anything else 403.</summary>
    Signature,
}

/// <summary>
/// Who may do what: every endpoint, page and hub method against every role, anonymous, and a coordinator of another
/// network (the demo coordinator of Kerkplein addressing a Leuken resource; "coordinator" addresses Kerkplein's). A
/// new endpoint without a row here fails the matrix test, which names it. docs/authorization.md explains the rules.
/// </summary>
public static class AuthorizationMatrix
{
    /// <summary>One line of the matrix. <paramref name="Endpoint"/>: "METHOD /route" as mapped (route parameters as
    /// written in the route template), "PAGE /route" for a Razor page, "HUB /path" for a hub's connection, or
    /// "HUB Hub.Method" for a hub method.</summary>
    public sealed record Row(string Endpoint, Access Anonymous, Access Dispatcher, Access Officer, Access Chief, Access Admin,
        Access Coordinator, Access OtherCoordinator)
    {
        public IReadOnlyList<(string Principal, Access Access)> Cells =>
        [
            ("anonymous", Anonymous), ("dispatcher", Dispatcher), ("officer", Officer), ("chief", Chief), ("admin", Admin),
            ("coordinator", Coordinator), ("coordinator of another network", OtherCoordinator),
        ];
    }

    private static Row R(string endpoint, Access anonymous, Access dispatcher, Access officer, Access chief, Access admin, Access coordinator, Access other) =>
        new(endpoint, anonymous, dispatcher, officer, chief, admin, coordinator, other);

    //                                                                   anonymous dispatcher officer chief   admin   coordinator other-coordinator
    public static readonly IReadOnlyList<Row> Rows =
    [
        // Sign-in, language, health, webhooks: public by nature.
        R("POST /api/auth/token",                                         Open,     Open,     Open,   Open,   Open,   Open,   Open),
        R("POST /account/login",                                          Open,     Open,     Open,   Open,   Open,   Open,   Open),
        R("GET /account/sso",                                             Open,     Open,     Open,   Open,   Open,   Open,   Open),
        R("POST /account/logout",                                         SignIn,   Allow,    Allow,  Allow,  Allow,  Allow,  Allow),
        R("POST /api/auth/refresh",                                       Open,     Open,     Open,   Open,   Open,   Open,   Open),
        // Prometheus scrapes from loopback, the allowed networks or with the metrics token (docs/operations.md); no role
        // opens it, so from any other address everyone gets 403.
        R("GET /metrics",                                                 Deny,     Deny,     Deny,   Deny,   Deny,   Deny,   Deny),
        // The API docs page (Scalar) and /openapi/v1.json: open in Development, where this matrix is checked; elsewhere
        // administrators only (tests/…/Http/ApiDocsTests, ProductionApiDocsTests).
        R("GET /api/docs/{documentName?}",                                Open,     Open,     Open,   Open,   Open,   Open,   Open),

        // One's own account: password, MFA enrolment.
        R("GET /api/account",                                             SignIn,   Allow,    Allow,  Allow,  Allow,  Allow,  Allow),
        R("POST /api/account/password",                                   SignIn,   Allow,    Allow,  Allow,  Allow,  Allow,  Allow),
        R("POST /api/account/mfa",                                        SignIn,   Allow,    Allow,  Allow,  Allow,  Allow,  Allow),
        R("POST /api/account/mfa/confirm",                                SignIn,   Allow,    Allow,  Allow,  Allow,  Allow,  Allow),

        // Accounts of the zone: administrators.
        R("GET /api/accounts",                                            SignIn,   Deny,     Deny,   Deny,   Allow,  Deny,   Deny),
        R("GET /api/accounts/changes",                                    SignIn,   Deny,     Deny,   Deny,   Allow,  Deny,   Deny),
        R("POST /api/accounts",                                           SignIn,   Deny,     Deny,   Deny,   Allow,  Deny,   Deny),
        R("PUT /api/accounts/{userName}",                                 SignIn,   Deny,     Deny,   Deny,   Allow,  Deny,   Deny),
        R("POST /api/accounts/{userName}/password",                       SignIn,   Deny,     Deny,   Deny,   Allow,  Deny,   Deny),
        R("DELETE /api/accounts/{userName}/sessions",                     SignIn,   Deny,     Deny,   Deny,   Allow,  Deny,   Deny),
        R("GET /culture/{language}",                                      Open,     Open,     Open,   Open,   Open,   Open,   Open),
        R("GET /health/live",                                             Open,     Open,     Open,   Open,   Open,   Open,   Open),
        R("GET /health/ready",                                            Open,     Open,     Open,   Open,   Open,   Open,   Open),
        R("POST /sms/inbound",                                            Signature, Signature, Signature, Signature, Signature, Signature, Signature),
        R("POST /sms/status",                                             Signature, Signature, Signature, Signature, Signature, Signature, Signature),

        // Live feed: coordinators receive (and catch up on) their networks' events only, with their figures only.
        R("HUB /hubs/live",                                               SignIn,   Allow,    Allow,  Allow,  Allow,  Scoped, Scoped),
        R("HUB LiveHub.CatchUp",                                          SignIn,   Allow,    Allow,  Allow,  Allow,  Scoped, Scoped),

        // Incidents.
        R("POST /api/incidents",                                          SignIn,   Allow,    Allow,  Deny,   Allow,  Deny,   Deny),
        R("GET /api/incidents",                                           SignIn,   Allow,    Allow,  Allow,  Allow,  Scoped, Scoped),
        R("GET /api/incidents/{id:guid}",                                 SignIn,   Allow,    Allow,  Allow,  Allow,  Allow,  Hidden),
        R("POST /api/incidents/{id:guid}/verify",                         SignIn,   Allow,    Allow,  Deny,   Allow,  Deny,   Deny),
        R("PUT /api/incidents/{id:guid}",                                 SignIn,   Allow,    Allow,  Deny,   Allow,  Deny,   Deny),
        R("POST /api/incidents/{id:guid}/close",                          SignIn,   Allow,    Allow,  Deny,   Allow,  Deny,   Deny),

        // Alerts and the audit (chiefs; a coordinator sees their networks' alerts without other networks' figures).
        R("POST /api/incidents/{id:guid}/alerts",                         SignIn,   Deny,     Allow,  Deny,   Allow,  Deny,   Deny),
        R("GET /api/alerts/{id:guid}",                                    SignIn,   Allow,    Allow,  Allow,  Allow,  Scoped, Hidden),
        R("GET /api/alerts",                                              SignIn,   Deny,     Deny,   Allow,  Allow,  Scoped, Scoped),
        R("GET /api/alerts/budget",                                       SignIn,   Deny,     Allow,  Deny,   Allow,  Deny,   Deny),
        // Approvals past the daily budget (the matrix asks about an approval that does not exist: 404 for the admin).
        R("GET /api/alert-approvals",                                     SignIn,   Deny,     Deny,   Deny,   Allow,  Deny,   Deny),
        R("POST /api/alert-approvals/{id:guid}/approve",                  SignIn,   Deny,     Deny,   Deny,   Hidden, Deny,   Deny),
        R("POST /api/alert-approvals/{id:guid}/reject",                   SignIn,   Deny,     Deny,   Deny,   Hidden, Deny,   Deny),
        // CAP: signed-in users within their scope, or a CAP consumer's feed token.
        R("GET /api/alerts/{id:guid}/cap",                                SignIn,   Allow,    Allow,  Allow,  Allow,  Scoped, Hidden),
        R("GET /api/cap/feed",                                            SignIn,   Allow,    Allow,  Allow,  Allow,  Scoped, Scoped),

        // Feedback.
        R("POST /api/alerts/{alertId:guid}/feedback",                     SignIn,   Deny,     Allow,  Deny,   Allow,  Deny,   Deny),
        R("PUT /api/alerts/{alertId:guid}/feedback/{feedbackId:guid}",    SignIn,   Deny,     Allow,  Deny,   Allow,  Deny,   Deny),
        R("DELETE /api/alerts/{alertId:guid}/feedback/{feedbackId:guid}", SignIn,   Deny,     Allow,  Deny,   Allow,  Deny,   Deny),
        R("GET /api/alerts/{alertId:guid}/feedback/{feedbackId:guid}",    SignIn,   Allow,    Allow,  Allow,  Allow,  Scoped, Hidden),
        R("GET /api/feedback",                                            SignIn,   Allow,    Allow,  Allow,  Allow,  Scoped, Scoped),
        R("GET /api/feedback/overdue",                                    SignIn,   Allow,    Allow,  Allow,  Allow,  Scoped, Scoped),

        // Replay, evaluation: chiefs.
        R("GET /api/history",                                             SignIn,   Deny,     Deny,   Allow,  Allow,  Deny,   Deny),
        R("GET /api/history/state",                                       SignIn,   Deny,     Deny,   Allow,  Allow,  Deny,   Deny),
        R("GET /api/evaluation",                                          SignIn,   Deny,     Deny,   Allow,  Allow,  Deny,   Deny),

        // SMS simulator: it shows full numbers, so administrators only.
        R("GET /api/sms-simulator/messages",                              SignIn,   Deny,     Deny,   Deny,   Allow,  Deny,   Deny),

        // Members: administrators, and each network's coordinator.
        R("GET /api/networks/{id:guid}/members",                          SignIn,   Deny,     Deny,   Deny,   Allow,  Allow,  Deny),
        R("POST /api/networks/{id:guid}/members",                         SignIn,   Deny,     Deny,   Deny,   Allow,  Allow,  Deny),
        R("POST /api/networks/{id:guid}/members/import",                  SignIn,   Deny,     Deny,   Deny,   Allow,  Allow,  Deny),
        R("POST /api/members/{id:guid}/opt-out",                          SignIn,   Deny,     Deny,   Deny,   Allow,  Allow,  Deny),
        R("POST /api/members/{id:guid}/rejoin",                           SignIn,   Deny,     Deny,   Deny,   Allow,  Allow,  Deny),
        R("PATCH /api/members/{id:guid}",                                 SignIn,   Deny,     Deny,   Deny,   Allow,  Allow,  Deny),
        R("DELETE /api/members/{id:guid}",                                SignIn,   Deny,     Deny,   Deny,   Allow,  Deny,   Deny),
        R("GET /api/members/{id:guid}/export",                            SignIn,   Deny,     Deny,   Deny,   Allow,  Allow,  Deny),

        // Networks: everyone reads (coordinators their own); administrators change.
        R("GET /api/networks",                                            SignIn,   Allow,    Allow,  Allow,  Allow,  Scoped, Scoped),
        R("GET /api/networks/export",                                     SignIn,   Allow,    Allow,  Allow,  Allow,  Scoped, Scoped),
        R("GET /api/networks/{id:guid}",                                  SignIn,   Allow,    Allow,  Allow,  Allow,  Allow,  Hidden),
        R("POST /api/networks",                                           SignIn,   Deny,     Deny,   Deny,   Allow,  Deny,   Deny),
        R("POST /api/networks/near",                                      SignIn,   Allow,    Allow,  Allow,  Allow,  Deny,   Deny),
        R("POST /api/networks/import",                                    SignIn,   Deny,     Deny,   Deny,   Allow,  Deny,   Deny),
        R("PUT /api/networks/{id:guid}/boundary",                         SignIn,   Deny,     Deny,   Deny,   Allow,  Deny,   Deny),
        R("POST /api/networks/{id:guid}/founding/{step}",                 SignIn,   Deny,     Deny,   Deny,   Allow,  Deny,   Deny),
        R("POST /api/networks/{id:guid}/charter/{version:int}/reported",  SignIn,   Deny,     Deny,   Deny,   Allow,  Deny,   Deny),
        R("POST /api/networks/{id:guid}/{change:regex(^(suspension|reactivation|dissolution)$)}", SignIn, Deny, Deny, Deny, Allow, Deny, Deny),
        R("POST /api/networks/{id:guid}/coordinators",                    SignIn,   Deny,     Deny,   Deny,   Allow,  Deny,   Deny),
        R("DELETE /api/networks/{id:guid}/coordinators/{accountId}",      SignIn,   Deny,     Deny,   Deny,   Allow,  Deny,   Deny),

        // Addresses: the search is open (the join page's residents use it, limited per client address); the import is for administrators.
        R("GET /api/addresses",                                           Open,     Allow,    Allow,  Allow,  Allow,  Allow,  Allow),
        R("POST /api/addresses/import",                                   SignIn,   Deny,     Deny,   Deny,   Allow,  Deny,   Deny),

        // Pages (the router enforces the same policies on the circuit; Scoped pages show the user's networks only).
        R("PAGE /login",                                                  Open,     Open,     Open,   Open,   Open,   Open,   Open),
        R("PAGE /denied",                                                 Open,     Open,     Open,   Open,   Open,   Open,   Open),
        R("PAGE /join",                                                   Open,     Open,     Open,   Open,   Open,   Open,   Open),
        R("PAGE /lid-worden",                                             Open,     Open,     Open,   Open,   Open,   Open,   Open),
        R("PAGE /",                                                       SignIn,   Allow,    Allow,  Allow,  Allow,  Scoped, Scoped),
        R("PAGE /scheduled",                                              SignIn,   Allow,    Allow,  Allow,  Allow,  Scoped, Scoped),
        R("PAGE /networks",                                               SignIn,   Allow,    Allow,  Allow,  Allow,  Scoped, Scoped),
        R("PAGE /networks/{Id:guid}",                                     SignIn,   Allow,    Allow,  Allow,  Allow,  Allow,  Scoped),
        R("PAGE /networks/new",                                           SignIn,   Deny,     Deny,   Deny,   Allow,  Deny,   Deny),
        R("PAGE /members",                                                SignIn,   Deny,     Deny,   Deny,   Allow,  Scoped, Scoped),
        R("PAGE /networks/{NetworkId:guid}/members",                      SignIn,   Deny,     Deny,   Deny,   Allow,  Allow,  Scoped),
        R("PAGE /join-requests",                                          SignIn,   Deny,     Deny,   Deny,   Allow,  Scoped, Scoped),
        R("PAGE /phones",                                                 SignIn,   Deny,     Deny,   Deny,   Allow,  Deny,   Deny),
        R("PAGE /replay",                                                 SignIn,   Deny,     Deny,   Allow,  Allow,  Deny,   Deny),
        R("PAGE /evaluation",                                             SignIn,   Deny,     Deny,   Allow,  Allow,  Deny,   Deny),
        R("PAGE /audit",                                                  SignIn,   Deny,     Deny,   Allow,  Allow,  Deny,   Deny),
        R("PAGE /account",                                                SignIn,   Allow,    Allow,  Allow,  Allow,  Allow,  Allow),
        R("PAGE /accounts",                                               SignIn,   Deny,     Deny,   Deny,   Allow,  Deny,   Deny),
        R("PAGE /alert-approvals",                                        SignIn,   Deny,     Deny,   Deny,   Allow,  Deny,   Deny),
        R("PAGE /operations",                                             SignIn,   Deny,     Deny,   Deny,   Allow,  Deny,   Deny),
        R("PAGE /addresses",                                              SignIn,   Deny,     Deny,   Deny,   Allow,  Deny,   Deny),
    ];

    /// <summary>
    /// Framework endpoints outside the matrix, by route prefix: Blazor's circuit hub (admits anonymous browsers for the
    /// join page; each page's policy is enforced by the router), its redirect helper, and static files.
    /// </summary>
    public static readonly IReadOnlyList<string> FrameworkRoutes = ["/_blazor", "/_framework/", "{**path:file}"];
}
