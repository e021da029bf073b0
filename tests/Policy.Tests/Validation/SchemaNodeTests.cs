using System.Globalization;
using System.Text.Json.Nodes;
using CsCheck;
using Hctr.Policy.Validation;
using Xunit;

namespace Hctr.Policy.Tests.Validation;

/// <summary>
/// <see cref="SchemaNode.Number"/> converts the numbers YAML conversion makes without writing their JSON text; it
/// must give exactly the double the text parses to, which is what the evaluator compared before.
/// </summary>
[Trait("Category", "Unit")]
public class SchemaNodeTests
{
    private static double ByText(JsonValue v) => double.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    // Equal as doubles compare (0 and -0 are the same number to minimum, maximum and the integer check).
    private static void AssertSame(JsonValue v) => Assert.Equal(ByText(v), SchemaNode.Number(v));

    [Fact]
    public void Longs_ulongs_ints_and_doubles_convert_to_the_double_their_text_parses_to()
    {
        Gen.Long.Sample(l => AssertSame(JsonValue.Create(l)), iter: 2000);
        Gen.ULong.Sample(u => AssertSame(JsonValue.Create(u)), iter: 2000);
        Gen.Int.Sample(i => AssertSame(JsonValue.Create(i)), iter: 2000);
        Gen.Double.Where(double.IsFinite).Sample(d => AssertSame(JsonValue.Create(d)), iter: 2000);
        foreach (var edge in new[] { long.MaxValue, long.MinValue, (1L << 53) + 1, -(1L << 53) - 1 })
        {
            AssertSame(JsonValue.Create(edge));
        }

        AssertSame(JsonValue.Create(ulong.MaxValue));
    }

    [Theory]
    [InlineData("10")]
    [InlineData("-0")]
    [InlineData("1.0")]
    [InlineData("1e2")]
    [InlineData("123456789012345678901234567890")]
    [InlineData("1e400")]
    [InlineData("4.9e-324")]
    public void Parsed_json_numbers_convert_like_their_text(string text)
    {
        AssertSame(JsonNode.Parse(text)!.AsValue());
    }

    [Fact]
    public void Other_numeric_types_go_through_the_text()
    {
        AssertSame(JsonValue.Create(0.1m));
        AssertSame(JsonValue.Create(1.5f));
        AssertSame(JsonValue.Create((short)-7));
    }
}
