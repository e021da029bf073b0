using System.Diagnostics;
using System.Text.RegularExpressions;
using Hctr.Trust.Crypto;
using Hctr.Trust.IO;
using Hctr.Trust.Metadata;
using Hctr.Trust.Repository;
using Xunit;

namespace Hctr.Trust.Tests.IO;

public sealed partial class AtomicFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hctr-atomic-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    [Trait("Category", "Unit")]
    public void Write_replaces_the_content_with_the_mode_and_leaves_no_temporary_file()
    {
        string path = Path.Combine(_dir, "root.json");
        AtomicFile.Write(path, "old"u8);
        AtomicFile.Write(path, "new"u8, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.Equal("new"u8.ToArray(), File.ReadAllBytes(path));
        Assert.Equal(["root.json"], Directory.EnumerateFileSystemEntries(_dir).Select(Path.GetFileName));
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Directory_fsync_refuses_what_is_not_a_directory()
    {
        string file = Path.Combine(_dir, "plain");
        File.WriteAllText(file, "x");
        DirectoryFsync.Sync(_dir);
        Assert.Contains("Not a directory", Assert.Throws<IOException>(() => DirectoryFsync.Sync(file)).Message);
        Assert.Throws<IOException>(() => DirectoryFsync.Sync(Path.Combine(_dir, "missing")));
    }

    /// <summary>
    /// The real syscalls, seen by strace: <c>hctr-tuf-client init</c> stores root.json with <see cref="AtomicFile"/>;
    /// after renaming the temporary file over root.json it opens the metadata directory and fsyncs that descriptor.
    /// </summary>
    [StraceFact]
    [Trait("Category", "E2E")]
    public void The_rename_is_followed_by_an_fsync_of_the_directory()
    {
        var root = SigningKey.Generate(KeyAlgorithm.Ed25519);
        var online = SigningKey.Generate(KeyAlgorithm.Ed25519);
        var repo = new RepositoryDirectory(Path.Combine(_dir, "repo"), TimeProvider.System);
        repo.Init(new Dictionary<string, IReadOnlyList<PublicKey>>
        {
            [RoleNames.Root] = [root.Public], [RoleNames.Targets] = [online.Public],
            [RoleNames.Snapshot] = [online.Public], [RoleNames.Timestamp] = [online.Public],
        }, new Dictionary<string, int>(), [root]);
        string metadata = Path.Combine(_dir, "client");
        string trace = Path.Combine(_dir, "strace.txt");
        var psi = new ProcessStartInfo("strace")
        {
            ArgumentList =
            {
                "-f", "-qq", "-e", "trace=openat,rename,renameat,renameat2,fsync", "-o", trace,
                Environment.GetEnvironmentVariable("HCTR_TUF_CLIENT") is { Length: > 0 } published ? published
                    : Path.Combine(AppContext.BaseDirectory, "hctr-tuf-client"), "--metadata-dir", metadata, "init",
                Path.Combine(_dir, "repo", "staged", "root.json"),
            },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using (var p = Process.Start(psi)!)
        {
            string err = p.StandardError.ReadToEnd();
            Assert.True(p.WaitForExit(TimeSpan.FromSeconds(60)), "strace did not finish");
            Assert.True(p.ExitCode == 0, err);
        }

        var lines = File.ReadAllLines(trace);
        int rename = Array.FindIndex(lines, l => l.Contains("rename", StringComparison.Ordinal) && l.Contains($"\"{metadata}/root.json\"", StringComparison.Ordinal));
        Assert.True(rename >= 0, "no rename onto root.json in the trace:\n" + string.Join("\n", lines));
        var open = lines.Skip(rename + 1).Select(l => DirectoryOpen().Match(l)).FirstOrDefault(m => m.Success && m.Groups["path"].Value == metadata);
        Assert.True(open is not null, "the metadata directory is not opened after the rename:\n" + string.Join("\n", lines[rename..]));
        string fd = open!.Groups["fd"].Value;
        Assert.Contains(lines.Skip(rename + 1), l => Regex.IsMatch(l, $@"\bfsync\({fd}\)\s+= 0"));
    }

    [GeneratedRegex(@"openat\(AT_FDCWD, ""(?<path>[^""]+)"", O_RDONLY\|O_CLOEXEC\|O_DIRECTORY\) = (?<fd>\d+)")]
    private static partial Regex DirectoryOpen();
}
