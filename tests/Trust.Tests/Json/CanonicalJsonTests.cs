using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Hctr.Trust.Json;
using Xunit;

namespace Hctr.Trust.Tests.Json;

[Trait("Category", "Unit")]
public sealed class CanonicalJsonTests
{
    private static string Canonical(string json) => Encoding.UTF8.GetString(CanonicalJson.Serialize(JsonNode.Parse(json)));

    [Fact]
    public void SortsKeys_RemovesWhitespace()
    {
        Assert.Equal("{\"a\":[1,true,null],\"b\":{\"c\":\"d\"}}", Canonical("{ \"b\": {\"c\": \"d\"}, \"a\": [1, true, null] }"));
    }

    [Fact]
    public void EscapesOnlyQuoteAndBackslash()
    {
        Assert.Equal("\"a\\\"b\\\\c\nd\u00e9\"", Canonical("\"a\\\"b\\\\c\\nd\\u00e9\""));
    }

    [Fact]
    public void SortsByCodePoint_NotUtf16()
    {
        // U+FF21 sorts before U+1F600 by code point, after it by UTF-16 code unit.
        Assert.Equal("{\"\uFF21\":1,\"\U0001F600\":2}", Canonical("{\"\U0001F600\":2,\"\uFF21\":1}"));
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("1e3")]
    public void RejectsNonIntegers(string number)
    {
        var e = Assert.Throws<TrustVerificationException>(() => CanonicalJson.Serialize(JsonNode.Parse(number)));
        Assert.Equal(TrustFailureReason.Malformed, e.Reason);
    }

    [Fact]
    public void DuplicateKeys_AreMalformed_NotArgumentException()
    {
        var e = Assert.Throws<TrustVerificationException>(() => CanonicalJson.Serialize(JsonNode.Parse("{\"a\":1,\"a\":2}")));
        Assert.Equal(TrustFailureReason.Malformed, e.Reason);
    }

    [Fact]
    public void IsIdempotent_ForArbitraryObjects()
    {
        var gen = Gen.Dictionary(Gen.String[0, 8], Gen.OneOf(Gen.Long.Select(l => (JsonNode?)JsonValue.Create(l)), Gen.String.Select(s => (JsonNode?)JsonValue.Create(s))));
        gen.Sample(dict =>
        {
            var obj = new JsonObject();
            foreach (var (k, v) in dict) obj[k] = v;
            byte[] once = CanonicalJson.Serialize(obj);
            var reparsed = JsonNode.Parse(Encoding.UTF8.GetString(once).Replace("\n", "\\n").Replace("\r", "\\r").Replace("\t", "\\t"));
            return reparsed is null || once.AsSpan().SequenceEqual(CanonicalJson.Serialize(reparsed));
        }, iter: 200);
    }
}
