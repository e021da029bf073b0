using Hctr.Trust;
using Hctr.Trust.Json;
using Hctr.Trust.Metadata;
using Hctr.Trust.Policies;

// Fuzz target for TUF metadata, canonical JSON and trust-policy parsing.
// Contract: for any input bytes, only TrustVerificationException may escape the parsers; anything
// else is a bug and exits non-zero with the input path (turn it into a unit test).
// Usage: trust-metadata-fuzz FILE|DIR ...   (replays a corpus; stdin when no arguments)
// The harness has no engine dependency: plug it into SharpFuzz/libFuzzer by calling Run(bytes).
var inputs = new List<(string Name, byte[] Data)>();
if (args.Length == 0)
{
    using var stdin = Console.OpenStandardInput();
    using var buffer = new MemoryStream();
    stdin.CopyTo(buffer);
    inputs.Add(("<stdin>", buffer.ToArray()));
}
foreach (string arg in args)
{
    var files = Directory.Exists(arg) ? Directory.EnumerateFiles(arg, "*", SearchOption.AllDirectories) : [arg];
    foreach (string file in files) inputs.Add((file, File.ReadAllBytes(file)));
}
int failures = 0;
foreach (var (name, data) in inputs)
{
    try
    {
        Run(data);
    }
    catch (Exception e)
    {
        failures++;
        Console.Error.WriteLine($"{name}: {e.GetType().Name}: {e.Message}");
    }
}
Console.WriteLine($"{inputs.Count} inputs, {failures} failures");
return failures == 0 ? 0 : 1;

static void Run(byte[] data)
{
    Try(() => RootMetadata.Parse(data));
    Try(() => TimestampMetadata.Parse(data));
    Try(() => SnapshotMetadata.Parse(data));
    Try(() => TargetsMetadata.Parse(data, "fuzz"));
    System.Text.Json.Nodes.JsonNode? node = null;
    try
    {
        node = System.Text.Json.Nodes.JsonNode.Parse(data);
    }
    catch (System.Text.Json.JsonException)
    {
        // Not JSON: nothing to canonicalise.
    }
    if (node is not null) Try(() => CanonicalJson.Serialize(node));
    Try(() => TrustPolicyParser.Parse(System.Text.Encoding.UTF8.GetString(data), "fuzz.yaml"));
}

static void Try(Action parse)
{
    try
    {
        parse();
    }
    catch (TrustVerificationException)
    {
        // A typed refusal is the expected outcome for malformed input.
    }
}
