using Hctr.Policy.Model;

namespace Hctr.Policy.Plan;

public sealed record VolumeRequest(string Source, string Target, VolumeMode Mode);
