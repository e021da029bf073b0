using Hctr.Policy.Audit;
using Hctr.Policy.Diagnostics;
using Xunit;

namespace Hctr.Policy.Tests.Audit;

[Trait("Category", "Unit")]
public sealed class OrgPolicyParserTests
{
    private static readonly string A = new('a', 64);
    private static readonly string B = new('b', 64);

    private static (OrgPolicy? Policy, DiagnosticBag Diagnostics) Parse(string body)
    {
        var d = new DiagnosticBag();
        return (OrgPolicyParser.Parse("org.yaml", $"apiVersion: hctr.dev/v1\nkind: OrgPolicy\nmetadata: {{name: acme}}\n{body}", d), d);
    }

    [Fact]
    public void Required_signers_are_read_with_their_line_and_a_default_threshold_of_one()
    {
        var (p, d) = Parse($"requiredSigners:\n  - image: \"r.example/t/*\"\n    keys: [{A}, {B}, {A}]\n  - image: \"r.example/u/**\"\n    keys: [{B}]\n    threshold: 1\n");
        Assert.False(d.HasErrors);
        Assert.Equal(2, p!.RequiredSigners.Length);
        Assert.Equal("r.example/t/*", p.RequiredSigners[0].Image);
        Assert.Equal([A, B], p.RequiredSigners[0].Keys.ToArray());
        Assert.Equal(1, p.RequiredSigners[0].Threshold);
        Assert.Equal(5, p.RequiredSigners[0].At.Line);
    }

    [Theory]
    [InlineData("requiredSigners: {image: x}\n", 4)]
    [InlineData("requiredSigners:\n  - image: x\n    keys: [abc]\n", 6)]
    [InlineData("requiredSigners:\n  - image: x\n    keys: [KEY]\n    threshold: 2\n", 7)]
    [InlineData("requiredSigners:\n  - keys: [KEY]\n", 5)]
    [InlineData("requiredSigners:\n  - image: x\n", 5)]
    [InlineData("requiredSigners:\n  - image: x\n    keys: [KEY]\n    threshold: 0\n", 7)]
    [InlineData("requiredSigners:\n  - image: x\n    keys: [KEY]\n    role: targets\n", 7)]
    public void Malformed_required_signers_are_located_errors(string body, int line)
    {
        var (p, d) = Parse(body.Replace("KEY", A, StringComparison.Ordinal));
        Assert.Null(p);
        Assert.Contains(d.ToImmutable(), x => x.Code == DiagnosticCodes.OrgPolicyInvalid && x.Location.Line == line);
    }
}
