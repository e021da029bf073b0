using Xunit;

// CLI tests capture Console.Out/Error, which are process-wide: running test classes in parallel would mix
// one command's output into another's assertions.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
