namespace Hctr.TufClient;

/// <summary>
/// The conformance command line: options in any order, then the subcommand and its operands.
/// Parsing never throws; <see cref="Error"/> says what is wrong.
/// </summary>
internal sealed record ClientArguments
{
    public string? MetadataDir { get; init; }
    public string? MetadataUrl { get; init; }
    public string? TargetDir { get; init; }
    public string? TargetBaseUrl { get; init; }
    public IReadOnlyList<string> TargetNames { get; init; } = [];
    public string? Command { get; init; }
    public IReadOnlyList<string> Operands { get; init; } = [];
    public string? Error { get; init; }

    public static ClientArguments Parse(IReadOnlyList<string> args)
    {
        string? metadataDir = null, metadataUrl = null, targetDir = null, targetBaseUrl = null, command = null;
        var names = new List<string>();
        var operands = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (command is not null)
            {
                operands.Add(arg);
                continue;
            }
            string? inline = null;
            int eq = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                inline = arg[(eq + 1)..];
                arg = arg[..eq];
            }
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                string? value = inline ?? (i + 1 < args.Count ? args[++i] : null);
                if (value is null) return new ClientArguments { Error = $"option {arg} needs a value" };
                switch (arg)
                {
                    case "--metadata-dir": metadataDir = value; break;
                    case "--metadata-url": metadataUrl = value; break;
                    case "--target-dir": targetDir = value; break;
                    case "--target-base-url": targetBaseUrl = value; break;
                    case "--target-name": names.Add(value); break;
                    default: return new ClientArguments { Error = $"unknown option {arg}" };
                }
                continue;
            }
            command = arg;
        }
        return new ClientArguments
        {
            MetadataDir = metadataDir, MetadataUrl = metadataUrl, TargetDir = targetDir, TargetBaseUrl = targetBaseUrl,
            TargetNames = names, Command = command, Operands = operands,
            Error = command is null ? "missing subcommand (init, refresh or download)" : null,
        };
    }
}
