using System.Text.Json;
using Bin.Testing;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Bin.Dashboard.Tests.Operations;

/// <summary>
/// What can be checked of docker-compose.yml without a Docker engine: two dashboard nodes built alike on one database,
/// a proxy in front of them with affinity and readiness checks, health checks everywhere, the observability profile and
/// the files it mounts.
/// </summary>
public class ComposeFileTests
{
    private static string Root => ChildProcesses.RepositoryRoot;

    private static Dictionary<object, object> Compose()
    {
        using var reader = new StreamReader(Path.Combine(Root, "docker-compose.yml"));
        // The merge keys (<<: *dashboard) are resolved as Docker Compose resolves them.
        return new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)));
    }

    private static Dictionary<object, object> Map(object node, string key) => (Dictionary<object, object>)((Dictionary<object, object>)node)[key];

    private static Dictionary<object, object> Services => Map(Compose(), "services");

    private static IEnumerable<(string Name, Dictionary<object, object> Service)> Dashboards =>
        Services.Where(s => Map(Services, (string)s.Key).TryGetValue("image", out var image) && (string)image == "bin-dashboard")
            .Select(s => ((string)s.Key, (Dictionary<object, object>)s.Value));

    [Fact]
    public void Two_dashboard_nodes_run_the_same_image_with_the_same_settings_on_one_database()
    {
        var nodes = Dashboards.ToList();
        Assert.True(nodes.Count >= 2, "at least two dashboard nodes");
        var environments = nodes.Select(n => (Dictionary<object, object>)n.Service["environment"]).ToList();
        foreach (var environment in environments)
        {
            Assert.Equal(environments[0].OrderBy(e => e.Key.ToString()).Select(e => $"{e.Key}={e.Value}"), environment.OrderBy(e => e.Key.ToString()).Select(e => $"{e.Key}={e.Value}"));
            Assert.Contains("Host=postgres;", (string)environment["ConnectionStrings__Bin"]);
        }
        foreach (var (_, node) in nodes)
        {
            Assert.False(node.ContainsKey("ports"), "nodes are reached through the proxy only");
            Assert.Equal("service_healthy", (string)Map(Map(node, "depends_on"), "postgres")["condition"]);
            Assert.True(TimeSpan.TryParse("00:00:" + ((string)node["stop_grace_period"]).TrimEnd('s'), out var grace) && grace >= TimeSpan.FromSeconds(10));
        }
    }

    [Fact]
    public void Every_long_running_service_has_a_health_check_and_the_nodes_probe_readiness()
    {
        foreach (var (name, service) in Services.Select(s => ((string)s.Key, (Dictionary<object, object>)s.Value)))
            Assert.True(service.ContainsKey("healthcheck"), $"{name} has no health check");
        foreach (var (_, node) in Dashboards)
            Assert.Contains("/health/ready", string.Join(' ', ((List<object>)Map(node, "healthcheck")["test"]).Cast<string>()));
    }

    [Fact]
    public void The_proxy_balances_every_node_with_sticky_sessions_readiness_checks_and_keeps_metrics_inside()
    {
        var proxy = Map(Services, "proxy");
        var mounts = ((List<object>)proxy["volumes"]).Cast<string>().ToList();
        var caddyfile = mounts.Single(v => v.EndsWith(":/etc/caddy/Caddyfile:ro", StringComparison.Ordinal)).Split(':')[0];
        var config = File.ReadAllText(Path.Combine(Root, caddyfile));
        var depends = Map(proxy, "depends_on");

        var upstreams = config.Split('\n').Single(l => l.TrimStart().StartsWith("reverse_proxy ", StringComparison.Ordinal)).Trim().Split(' ')[1..^1];
        Assert.Equal(Dashboards.Select(d => $"{d.Name}:8080").Order(), upstreams.Order());
        foreach (var (name, _) in Dashboards) Assert.Equal("service_healthy", (string)Map(depends, name)["condition"]);
        Assert.Matches(@"lb_policy cookie \w+", config);
        Assert.Contains("health_uri /health/ready", config);
        Assert.Contains("respond /metrics 404", config);
        // WebSockets: Caddy upgrades by itself; long-lived streams must not be cut by a timeout.
        Assert.Matches(@"stream_timeout \d+h", config);
    }

    [Fact]
    public void The_observability_profile_scrapes_every_node_and_provisions_the_dashboard()
    {
        var prometheus = Map(Services, "prometheus");
        var grafana = Map(Services, "grafana");
        Assert.Equal(["observability"], ((List<object>)prometheus["profiles"]).Cast<string>());
        Assert.Equal(["observability"], ((List<object>)grafana["profiles"]).Cast<string>());
        foreach (var (name, service) in Services.Where(s => s.Key is not ("prometheus" or "grafana")).Select(s => ((string)s.Key, (Dictionary<object, object>)s.Value)))
            Assert.False(service.ContainsKey("profiles"), $"{name} belongs to the default profile");

        foreach (var mount in ((List<object>)prometheus["volumes"]).Concat((List<object>)grafana["volumes"]).Cast<string>().Where(m => m.StartsWith("./", StringComparison.Ordinal)))
            Assert.True(File.Exists(Path.Combine(Root, mount.Split(':')[0])) || Directory.Exists(Path.Combine(Root, mount.Split(':')[0])), $"{mount} is missing");
        var scrape = File.ReadAllText(Path.Combine(Root, "deploy", "prometheus.yml"));
        foreach (var (name, _) in Dashboards) Assert.Contains($"\"{name}:8080\"", scrape);

        // The dashboard file is valid JSON and charts the instruments docs/operations.md explains.
        var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "deploy", "grafana", "dashboards", "bin-dashboard.json")));
        var queries = string.Join('\n', dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateArray()).Select(t => t.GetProperty("expr").GetString()));
        foreach (var metric in new[] { "bin_outbox_depth", "bin_outbox_oldest_age_seconds", "bin_sms_sent_total", "bin_sms_failures_total",
                     "bin_alert_acknowledgement_latency_seconds_bucket", "bin_livefeed_lag_seconds_bucket", "bin_circuits_open", "bin_hub_connections", "bin_quartz_misfires_total" })
            Assert.Contains(metric, queries);
        var operations = File.ReadAllText(Path.Combine(Root, "docs", "operations.md"));
        foreach (var metric in new[] { "bin_outbox_depth", "bin_outbox_oldest_age_seconds", "bin_sms_sent_total", "bin_alert_acknowledgement_latency_seconds", "bin_livefeed_lag_seconds", "bin_quartz_misfires_total" })
            Assert.Contains(metric, operations);
    }
}
