using Bin.Testing;

namespace Bin.Dashboard.Tests.Operations;

public class ChildPortsTests
{
    [Fact]
    public void Ports_for_child_processes_lie_outside_the_kernels_ephemeral_range_and_are_never_handed_out_twice_even_in_parallel()
    {
        var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();

        var ports = new System.Collections.Concurrent.ConcurrentBag<int>();
        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ => ports.Add(ChildProcesses.FreePort()));

        Assert.Equal(200, ports.Distinct().Count());
        Assert.All(ports, p => Assert.True(p < range[0] || p > range[1], $"{p} is in the ephemeral range {range[0]}–{range[1]}"));
    }
}
