using System.Text;

namespace Hctr.Cli.Commands;

/// <summary>Writes UTF-8 command output through <see cref="Console.Out"/> (so it can be captured in-process, unlike the raw stdout stream).</summary>
internal static class ConsoleText
{
    public static void Write(byte[] utf8) => Console.Out.Write(Encoding.UTF8.GetString(utf8));
}
