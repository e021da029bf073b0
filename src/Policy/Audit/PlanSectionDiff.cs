using System.Text.Json.Nodes;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Plan;

namespace Hctr.Policy.Audit;

/// <summary>
/// The backstop that makes the diff complete: compares the canonical plan JSON section by section (profile
/// name, digest and source locations removed) and reports any differing section no semantic entry explains.
/// </summary>
internal static class PlanSectionDiff
{
    private static readonly Dictionary<string, string> SectionOf = new(StringComparer.Ordinal)
    {
        ["namespaces"] = "namespaces", ["idMaps"] = "idMaps", ["process"] = "process", ["rootfs"] = "filesystem", ["mounts"] = "filesystem",
        ["maskedPaths"] = "filesystem", ["readOnlyPaths"] = "filesystem", ["rlimits"] = "rlimits", ["sysctls"] = "sysctls", ["cgroup"] = "resources",
        ["network"] = "network", ["capabilities"] = "capabilities", ["noNewPrivileges"] = "noNewPrivileges", ["landlock"] = "filesystem",
        ["appArmor"] = "apparmor", ["seccomp"] = "seccomp",
    };

    public static void AddUncovered(LaunchPlan o, LaunchPlan n, SourceLocation at, List<DiffEntry> entries)
    {
        var a = Normalized(o);
        var b = Normalized(n);
        foreach (var (key, va) in a)
        {
            var vb = b[key];
            if (JsonNode.DeepEquals(va, vb))
            {
                continue;
            }

            var section = SectionOf.GetValueOrDefault(key, key);
            if (!entries.Any(e => Explains(e.Section, section)))
            {
                entries.Add(new(ChangeKind.Change, section, $"the compiled plan's '{key}' differs", at));
            }
        }
    }

    /// <summary>
    /// Plan sections derived from several profile sections: the AppArmor text follows capabilities, file access
    /// and network; the cgroup follows resources and devices; namespaces follow the user namespace.
    /// </summary>
    private static bool Explains(string entrySection, string planSection) => entrySection == planSection || planSection switch
    {
        "apparmor" => entrySection is "capabilities" or "filesystem" or "network",
        "resources" => entrySection is "devices",
        "namespaces" => entrySection is "userNamespace",
        _ => false,
    };

    /// <summary>True when the plans are equal apart from name, digest and source locations.</summary>
    public static bool Equal(LaunchPlan o, LaunchPlan n) => JsonNode.DeepEquals(Normalized(o), Normalized(n));

    private static JsonObject Normalized(LaunchPlan p)
    {
        var node = JsonNode.Parse(PlanJson.Serialize(p))!.AsObject();
        node.Remove("profileName");
        node.Remove("profileDigest");
        if (node["appArmor"] is JsonObject aa)
        {
            // The generated AppArmor profile is named after the security profile; the name is not a permission.
            aa.Remove("profileName");
            aa["text"] = (aa["text"]?.GetValue<string>() ?? "").Replace("hctr-" + p.ProfileName, "hctr-PROFILE", StringComparison.Ordinal)
                .Replace($"'{p.ProfileName}'", "'PROFILE'", StringComparison.Ordinal);
        }

        Strip(node);
        return node;
    }

    private static void Strip(JsonNode? n)
    {
        if (n is JsonObject o)
        {
            foreach (var k in o.Select(kv => kv.Key).Where(k => k.EndsWith("rigin", StringComparison.Ordinal)).ToList())
            {
                o.Remove(k);
            }

            foreach (var kv in o)
            {
                Strip(kv.Value);
            }
        }
        else if (n is JsonArray arr)
        {
            foreach (var x in arr)
            {
                Strip(x);
            }
        }
    }
}
