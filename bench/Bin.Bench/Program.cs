using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Bin.Bench -- --filter '*NetworkLookup*'
// Without --filter BenchmarkDotNet asks which benchmarks to run.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
