using System.Net;
using System.Security.Claims;
using Bin.Dashboard.Features.Incidents;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.EventStore;
using Bin.Domain;
using Bin.Domain.Geometry;
using Bin.Domain.Incidents;
using Bin.Testing;
using Marten;

namespace Bin.Dashboard.Tests.EventStore;

/// <summary>A document the tests store alongside an event, to see whether an attempt left anything behind.</summary>
public sealed class PipelineProbe
{
    public Guid Id { get; set; }
}

/// <summary>
/// The command pipeline against PostgreSQL with commands running in parallel on one stream: both writers of a
/// commutable change land (the second decides once more), a change overtaken again is refused as a concurrent
/// change with nothing written, and parallel verifications through the API record one and answer the rest 409.
/// </summary>
public class CommandPipelineTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static readonly ClaimsPrincipal Officer = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "officer"), new Claim(ClaimTypes.Role, Roles.Officer)], "test"));

    private const double Latitude = 51.2307, Longitude = 5.3135;

    private CommandPipeline Pipeline => host.App.Service<CommandPipeline>();

    private ServiceArea Area => host.App.Service<ServiceArea>();

    private async Task<Guid> ReportedAsync()
    {
        var command = new ReportIncident(Guid.CreateVersion7(), Latitude, Longitude, "burglary", "Inbraak gemeld", ReporterKind.Patrol);
        await host.App.Service<IncidentCommands>().ReportAsync(command, Officer, default);
        return command.IncidentId;
    }

    private async Task<IReadOnlyList<object>> StreamAsync(Guid id)
    {
        await using var session = host.App.Service<IDocumentStore>().QuerySession();
        return (await session.Events.FetchStreamAsync(id)).Select(e => e.Data).ToList();
    }

    private IncidentUpdated Describe(Incident? state, Guid id, string description) =>
        IncidentDecisions.Update(state, new UpdateIncident(id, Latitude, Longitude, "burglary", description), Area, state!.NetworkIds, DateTimeOffset.UtcNow);

    [Fact]
    public async Task Two_writers_that_read_the_same_version_both_land_because_the_second_decides_once_more()
    {
        var id = await ReportedAsync();
        // Both writers hold their first decision until the other has read the stream too: one of the appends must clash.
        var verifierRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var editorRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var decisions = 0;

        async Task<TEvent> DecideAfterBothReadAsync<TEvent>(TaskCompletionSource mine, TaskCompletionSource theirs, Func<TEvent> decide)
        {
            if (Interlocked.Increment(ref decisions) <= 2)
            {
                mine.SetResult();
                await theirs.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }
            return decide();
        }

        var verify = Task.Run(() => Pipeline.RunAsync(id, Officer, (IDocumentSession _, Incident? state, CancellationToken _) =>
            DecideAfterBothReadAsync(verifierRead, editorRead, () => IncidentDecisions.Verify(state, new VerifyIncident(id), DateTimeOffset.UtcNow)), null, default));
        var edit = Task.Run(() => Pipeline.RunAsync(id, Officer, (IDocumentSession _, Incident? state, CancellationToken _) =>
            DecideAfterBothReadAsync(editorRead, verifierRead, () => Describe(state, id, "Twee personen met een koevoet")), null, default));
        await Task.WhenAll(verify, edit);

        Assert.Equal(3, decisions); // one writer decided twice, on the other's event
        var stream = await StreamAsync(id);
        Assert.Equal(3, stream.Count);
        var state = Incident.Fold(stream)!;
        Assert.Equal(IncidentStatus.Verified, state.Status);
        Assert.Equal("Twee personen met een koevoet", state.Description);
    }

    [Fact]
    public async Task A_change_overtaken_again_on_its_retry_is_refused_as_a_concurrent_change_and_leaves_nothing_behind()
    {
        var id = await ReportedAsync();
        var probe = Guid.CreateVersion7();
        var decisions = 0;

        // While this writer holds each of its decisions, a colleague's edit runs in parallel and commits first.
        var refused = await Assert.ThrowsAsync<ConcurrentChangeException>(() => Pipeline.RunAsync(id, Officer,
            async (IDocumentSession _, Incident? state, CancellationToken _) =>
            {
                var attempt = Interlocked.Increment(ref decisions);
                await Task.Run(() => Pipeline.RunAsync(id, Officer, (Incident? s) => Describe(s, id, $"Aanvulling {attempt} van een collega"), default));
                return Describe(state, id, "Mijn versie");
            },
            (session, _, _) =>
            {
                session.Store(new PipelineProbe { Id = probe });
                return Task.CompletedTask;
            }, default));

        Assert.Equal("incident", refused.Subject);
        Assert.Equal(2, decisions);
        var stream = await StreamAsync(id);
        Assert.Equal(new[] { "Aanvulling 1 van een collega", "Aanvulling 2 van een collega" }, stream.OfType<IncidentUpdated>().Select(u => u.Description));
        await using var query = host.App.Service<IDocumentStore>().QuerySession();
        Assert.Null(await query.LoadAsync<PipelineProbe>(probe));
    }

    [Fact]
    public async Task Parallel_verifications_through_the_api_record_one_and_answer_the_others_409()
    {
        var id = await ReportedAsync();
        var client = await host.App.ClientForAsync("officer");

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.PostAsync($"/api/incidents/{id}/verify", null)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a =>
        {
            Assert.Equal(HttpStatusCode.Conflict, a.StatusCode);
            Assert.Equal("application/problem+json", a.Content.Headers.ContentType?.MediaType);
        });
        Assert.Single((await StreamAsync(id)).OfType<IncidentVerified>());
    }
}
