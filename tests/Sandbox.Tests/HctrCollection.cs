namespace Hctr.Sandbox.Tests;

/// <summary>
/// Tests that launch containers run one at a time: each hctr run cleans leftovers of dead hctr processes, which
/// would race with a test that kills hctr on purpose, and two cores are shared with other work.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HctrCollection
{
    public const string Name = "hctr containers";
}
