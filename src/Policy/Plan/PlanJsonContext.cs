using System.Text.Json.Serialization;

namespace Hctr.Policy.Plan;

[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(LaunchPlan))]
[JsonSerializable(typeof(LandlockPlan))]
internal sealed partial class PlanJsonContext : JsonSerializerContext;
