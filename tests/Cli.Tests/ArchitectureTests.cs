using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace Hctr.Cli.Tests;

/// <summary>The dependency picture in STYLE.md §1 stays true: checked on the project files and sources.</summary>
[Trait("Category", "Unit")]
public partial class ArchitectureTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Policy"] = [],
        ["Trust"] = [],
        ["Sandbox"] = ["Policy"],
        ["Engine"] = ["Policy", "Sandbox", "Trust"],
        ["Cli"] = ["Engine", "Policy", "Trust", "Sandbox.Init"], // Sandbox.Init only so a JIT build has hctr-init beside hctr
        ["Trust.Client"] = ["Trust"],
        ["Sandbox.Init"] = ["Sandbox"],
        ["Cli.Front"] = ["Engine", "Policy", "Sandbox", "Cli"], // Cli only so a JIT build has hctr-cli beside hctr
    };

    /// <summary>The programs: composition roots, the only projects that may write to the console.</summary>
    private static readonly string[] Programs = ["Cli", "Cli.Front", "Sandbox.Init", "Trust.Client"];

    private static string Root
    {
        get
        {
            for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "Hardened.sln")))
                {
                    return d.FullName;
                }
            }

            throw new InvalidOperationException("Hardened.sln not found");
        }
    }

    [Fact]
    public void Project_references_point_one_way()
    {
        var src = Path.Combine(Root, "src");
        foreach (var proj in Directory.GetFiles(src, "*.csproj", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(Path.GetDirectoryName(proj)!);
            Assert.True(Allowed.ContainsKey(name), $"{name}: a new project needs a place in the dependency picture");
            var refs = XDocument.Load(proj).Descendants("ProjectReference")
                .Select(r => Path.GetFileName(Path.GetDirectoryName(r.Attribute("Include")!.Value.Replace('\\', '/'))!))
                .ToList();
            Assert.All(refs, r => Assert.Contains(r, Allowed[name]));
        }
    }

    [Fact]
    public void Policy_is_pure()
    {
        foreach (var file in Sources("Policy"))
        {
            var text = File.ReadAllText(file);
            foreach (var banned in new[] { "File", "Directory", "Process", "Environment", "Console", "DateTime.Now", "DateTime.UtcNow", "DllImport", "LibraryImport" })
            {
                // The type name used on its own (File.ReadAllText), not a member that happens to share it (plan.Process.Uid).
                Assert.False(Regex.IsMatch(text, $@"(?<![\w.]){Regex.Escape(banned)}[.(]"), $"{file}: Policy must not use {banned}");
            }
        }
    }

    [Fact]
    public void All_pinvoke_lives_in_sandbox_interop()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories).Where(NotGenerated))
        {
            if (PInvoke().IsMatch(File.ReadAllText(file)))
            {
                var rel = Path.GetRelativePath(Root, file).Replace('\\', '/');
                if (rel == "src/Trust/IO/DirectoryFsync.cs")
                {
                    // The one exception: Trust references no hctr project and .NET cannot open a directory, so the
                    // directory fsync after a rename needs its own open(2). It must stay that single import.
                    Assert.Single(PInvoke().Matches(File.ReadAllText(file)));
                    Assert.Contains("static extern int open(", File.ReadAllText(file), StringComparison.Ordinal);
                    continue;
                }

                Assert.StartsWith("src/Sandbox/Interop/", rel);
            }
        }
    }

    [Fact]
    public void Only_the_cli_touches_the_console()
    {
        // Every library project, a new one included; the four named are the core of the picture.
        var libraries = Allowed.Keys.Except(Programs).ToList();
        Assert.Superset(new HashSet<string> { "Policy", "Sandbox", "Trust", "Engine" }, libraries.ToHashSet());
        foreach (var project in libraries)
        {
            foreach (var file in Sources(project))
            {
                Assert.False(File.ReadAllText(file).Contains("Console.", StringComparison.Ordinal), $"{file}: only src/Cli writes to the console");
            }
        }
    }

    [Fact]
    public void The_programs_are_exactly_the_executable_projects()
    {
        var executables = Directory.GetFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => XDocument.Load(p).Descendants("OutputType").Any(o => o.Value == "Exe"))
            .Select(p => Path.GetFileName(Path.GetDirectoryName(p)!));
        Assert.Equal(Programs.Order(), executables.Order());
    }

    private static IEnumerable<string> Sources(string project) =>
        Directory.GetFiles(Path.Combine(Root, "src", project), "*.cs", SearchOption.AllDirectories).Where(NotGenerated);

    private static bool NotGenerated(string path) =>
        !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    [GeneratedRegex(@"\[(DllImport|LibraryImport)\(")]
    private static partial Regex PInvoke();
}
