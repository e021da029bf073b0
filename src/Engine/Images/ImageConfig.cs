using System.Text.Json.Nodes;
using Hctr.Engine.Images.Registry;

namespace Hctr.Engine.Images;

/// <summary>The parts of an OCI image config that <c>hctr run</c> applies.</summary>
public sealed record ImageConfig
{
    public IReadOnlyList<string> Entrypoint { get; init; } = [];
    public IReadOnlyList<string> Cmd { get; init; } = [];
    public IReadOnlyList<string> Env { get; init; } = [];
    public string WorkingDir { get; init; } = "/";
    public string User { get; init; } = "";
    public IReadOnlyList<string> ExposedPorts { get; init; } = [];
    public IReadOnlyList<string> DiffIds { get; init; } = [];
    public string Os { get; init; } = "";
    public string Architecture { get; init; } = "";

    /// <summary>argv for the container: Entrypoint + (the user's args, or Cmd). With <paramref name="entrypoint"/>
    /// (docker's <c>--entrypoint</c>) the image's Entrypoint and Cmd are both replaced: that program (none for "")
    /// followed by the user's args.</summary>
    public IReadOnlyList<string> Argv(IReadOnlyList<string>? userArgs, string? entrypoint = null) =>
        entrypoint is null
            ? [.. Entrypoint, .. userArgs is { Count: > 0 } ? userArgs : Cmd]
            : [.. entrypoint.Length > 0 ? [entrypoint] : Array.Empty<string>(), .. userArgs ?? []];

    public static ImageConfig Parse(ReadOnlySpan<byte> bytes)
    {
        var root = ManifestJson.Object(bytes);
        var c = root["config"] as JsonObject;
        return new ImageConfig
        {
            Entrypoint = Strings(c?["Entrypoint"]),
            Cmd = Strings(c?["Cmd"]),
            Env = Strings(c?["Env"]),
            WorkingDir = c?["WorkingDir"]?.GetValue<string>() is { Length: > 0 } w ? w : "/",
            User = c?["User"]?.GetValue<string>() ?? "",
            ExposedPorts = (c?["ExposedPorts"] as JsonObject)?.Select(p => p.Key).ToList() ?? [],
            DiffIds = Strings(root["rootfs"]?["diff_ids"]),
            Os = root["os"]?.GetValue<string>() ?? "",
            Architecture = root["architecture"]?.GetValue<string>() ?? "",
        };
    }

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray a ? a.Select(x => x?.GetValue<string>() ?? "").ToList() : [];
}
