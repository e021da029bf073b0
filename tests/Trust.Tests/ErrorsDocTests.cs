using Xunit;

namespace Hctr.Trust.Tests;

/// <summary>Every trust refusal reason is listed in docs/errors.md, so scripts can match on it.</summary>
[Trait("Category", "Unit")]
public sealed class ErrorsDocTests
{
    [Fact]
    public void Every_trust_failure_reason_is_documented()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Hardened.sln"))) dir = Path.GetDirectoryName(dir);
        Assert.NotNull(dir);
        string doc = File.ReadAllText(Path.Combine(dir, "docs", "errors.md"));
        Assert.All(Enum.GetNames<TrustFailureReason>(), name => Assert.Contains($"| {name} |", doc));
    }
}
