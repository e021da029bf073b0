using System.Collections.Immutable;
using Hctr.Policy.Capabilities;

namespace Hctr.Policy.Model;

/// <summary>Everything starts dropped; <see cref="Add"/> grants into bounding, permitted, effective, inheritable and (for non-root) ambient.</summary>
public sealed record CapabilityProfile(ImmutableArray<Located<Capability>> Add);
