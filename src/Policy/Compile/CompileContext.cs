using Hctr.Policy.Diagnostics;
using Hctr.Policy.Host;
using Hctr.Policy.Model;
using Hctr.Policy.Plan;

namespace Hctr.Policy.Compile;

/// <summary>The inputs every stage reads, and the bag they report into. Stages never throw for user input.</summary>
internal sealed record CompileContext(SecurityProfile Profile, LaunchRequest Request, HostFacts Host, DiagnosticBag Diagnostics);
