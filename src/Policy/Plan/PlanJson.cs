using System.Text;
using System.Text.Json;

namespace Hctr.Policy.Plan;

/// <summary>
/// The one canonical serialisation of a <see cref="LaunchPlan"/>: UTF-8 JSON, properties in declaration
/// order, two-space indentation, "\n" line ends. Same plan, same bytes. Used for the init stage's input,
/// golden files, plan-cache keys and <c>--emit plan</c>.
/// </summary>
public static class PlanJson
{
    public static byte[] Serialize(LaunchPlan plan)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(plan, PlanJsonContext.Default.LaunchPlan);
        return NormalizeNewlines(bytes);
    }

    public static string SerializeToString(LaunchPlan plan) => Encoding.UTF8.GetString(Serialize(plan));

    /// <summary>The Landlock part alone (<c>--emit landlock</c>); "null" when the host has no Landlock.</summary>
    public static byte[] SerializeLandlock(LandlockPlan? plan) =>
        NormalizeNewlines(JsonSerializer.SerializeToUtf8Bytes(plan, PlanJsonContext.Default.LandlockPlan));

    /// <summary>Throws <see cref="JsonException"/> on malformed input (the init stage reports it as a launch failure).</summary>
    public static LaunchPlan Deserialize(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(utf8, PlanJsonContext.Default.LaunchPlan)
        ?? throw new JsonException("the plan is null");

    private static byte[] NormalizeNewlines(byte[] bytes)
    {
        if (Array.IndexOf(bytes, (byte)'\r') < 0)
        {
            return bytes;
        }

        return [.. bytes.Where(b => b != (byte)'\r')];
    }
}
