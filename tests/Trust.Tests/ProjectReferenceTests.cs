using Hctr.Trust.Client;
using Xunit;

namespace Hctr.Trust.Tests;

[Trait("Category", "Unit")]
public sealed class ProjectReferenceTests
{
    [Fact]
    public void Trust_ReferencesNoOtherHctrAssembly()
    {
        var references = typeof(TrustedMetadataSet).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(references, name => name.StartsWith("Hctr.", StringComparison.Ordinal) || name == "hctr");
        Assert.Contains("BouncyCastle.Cryptography", references);
    }
}
