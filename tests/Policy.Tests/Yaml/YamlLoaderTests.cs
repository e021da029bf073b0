using Hctr.Policy.Diagnostics;
using Hctr.Policy.Yaml;
using Xunit;

namespace Hctr.Policy.Tests.Yaml;

[Trait("Category", "Unit")]
public class YamlLoaderTests
{
    private static (YNode? Root, Diagnostic[] Diags) Load(string text)
    {
        var bag = new DiagnosticBag();
        var root = YamlLoader.Load(text, "p.yaml", bag);
        return (root, bag.ToImmutable().ToArray());
    }

    [Fact]
    public void Keeps_line_and_column_of_every_node()
    {
        var (root, diags) = Load("a: 1\nb:\n  - x\n  - y\n");
        Assert.Empty(diags);
        var map = Assert.IsType<YMapping>(root);
        var seq = Assert.IsType<YSequence>(map.Get("b"));
        Assert.Equal(new SourceLocation("p.yaml", 4, 5), seq.Items[1].Location);
        Assert.Equal(2, map.KeyOf("b")!.Location.Line);
    }

    [Fact]
    public void Duplicate_keys_are_errors_at_the_second_key()
    {
        var (_, diags) = Load("a: 1\nb: 2\na: 3\n");
        var d = Assert.Single(diags);
        Assert.Equal(DiagnosticCodes.YamlDuplicateKey, d.Code);
        Assert.Equal(3, d.Location.Line);
    }

    [Theory]
    [InlineData("a: &x 1\nb: *x\n", DiagnosticCodes.YamlAnchor)]
    [InlineData("a: !!str 1\n", DiagnosticCodes.YamlTag)]
    [InlineData("a: !custom 1\n", DiagnosticCodes.YamlTag)]
    [InlineData("base: &b {x: 1}\nc:\n  <<: *b\n", DiagnosticCodes.YamlAnchor)]
    [InlineData("a: 1\n---\nb: 2\n", DiagnosticCodes.YamlMultipleDocuments)]
    [InlineData("", DiagnosticCodes.YamlEmpty)]
    [InlineData("a: [1, 2\n", DiagnosticCodes.YamlSyntax)]
    [InlineData("a: 1\n b: 2\n", DiagnosticCodes.YamlSyntax)]
    [InlineData("? [a, b]\n: 1\n", DiagnosticCodes.YamlComplexKey)]
    public void Refused_yaml_features_get_their_code(string text, string code)
    {
        var (_, diags) = Load(text);
        Assert.Contains(diags, d => d.Code == code && d.IsError);
    }

    [Fact]
    public void Quoted_scalars_are_marked_so_they_stay_strings()
    {
        var (root, _) = Load("a: \"1\"\nb: 1\n");
        var map = (YMapping)root!;
        Assert.True(((YScalar)map.Get("a")!).Quoted);
        Assert.False(((YScalar)map.Get("b")!).Quoted);
    }

    [Fact]
    public void Deep_nesting_is_an_error_not_a_stack_overflow()
    {
        var text = new string('[', 5000) + new string(']', 5000);
        var (_, diags) = Load("a: " + text);
        Assert.Contains(diags, d => d.Code == DiagnosticCodes.YamlSyntax);
    }
}
