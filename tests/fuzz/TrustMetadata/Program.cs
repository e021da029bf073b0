using Hctr.Trust;
using Hctr.Trust.Json;
using Hctr.Trust.Metadata;
using Hctr.Trust.Policies;

// Fuzz target for TUF metadata, canonical JSON and trust-policy parsing.
// Contract: for any input bytes, only TrustVerificationException may escape the parsers; anything
// else is a bug and exits non-zero with the input path (turn it into a unit test).
// Usage: trust-metadata-fuzz FILE|DIR ...   (replays a corpus; stdin when no arguments)
// The harness has no engine dependency: plug it into SharpFuzz/libFuzzer by calling Run(bytes).
return CorpusReplay.Replay(args, Run);

static void Run(byte[] data)
{
    CorpusReplay.Try(() => RootMetadata.Parse(data));
    CorpusReplay.Try(() => TimestampMetadata.Parse(data));
    CorpusReplay.Try(() => SnapshotMetadata.Parse(data));
    CorpusReplay.Try(() => TargetsMetadata.Parse(data, "fuzz"));
    System.Text.Json.Nodes.JsonNode? node = null;
    try
    {
        node = System.Text.Json.Nodes.JsonNode.Parse(data);
    }
    catch (System.Text.Json.JsonException)
    {
        // Not JSON: nothing to canonicalise.
    }
    if (node is not null) CorpusReplay.Try(() => CanonicalJson.Serialize(node));
    CorpusReplay.Try(() => TrustPolicyParser.Parse(System.Text.Encoding.UTF8.GetString(data), "fuzz.yaml"));
}
