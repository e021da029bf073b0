using System.Text;
using Hctr.Trust.Client;
using Hctr.Trust.Metadata;
using Hctr.Trust.Tests.Simulator;
using Xunit;

namespace Hctr.Trust.Tests.Client;

[Trait("Category", "Unit")]
public sealed class TrustedMetadataSetTests
{
    [Fact]
    public void LoadOrder_SnapshotBeforeTimestamp_IsRefused()
    {
        var repo = new RepositorySimulator();
        var set = new TrustedMetadataSet(repo.RootBytes(1), repo.Time);
        var e = Assert.Throws<TrustVerificationException>(() => set.UpdateSnapshot(repo.Files["metadata/1.snapshot.json"]));
        Assert.Equal(TrustFailureReason.LoadOrder, e.Reason);
    }

    [Fact]
    public void LoadOrder_RootAfterTimestamp_IsRefused()
    {
        var repo = new RepositorySimulator();
        var set = new TrustedMetadataSet(repo.RootBytes(1), repo.Time);
        set.UpdateTimestamp(repo.Files["metadata/timestamp.json"]);
        var e = Assert.Throws<TrustVerificationException>(() => set.UpdateRoot(repo.RootBytes(1)));
        Assert.Equal(TrustFailureReason.LoadOrder, e.Reason);
    }

    [Fact]
    public void WrongType_TimestampGivenAsRoot_IsRefused()
    {
        var repo = new RepositorySimulator();
        var e = Assert.Throws<TrustVerificationException>(() => new TrustedMetadataSet(repo.Files["metadata/timestamp.json"], repo.Time));
        Assert.Equal(TrustFailureReason.WrongType, e.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"signed\":{},\"signatures\":[]}")]
    [InlineData("{\"signed\":{\"_type\":\"root\"},\"signed\":{},\"signatures\":[]}")]
    public void Garbage_IsMalformed(string text)
    {
        var e = Assert.Throws<TrustVerificationException>(() => new TrustedMetadataSet(Encoding.UTF8.GetBytes(text), TimeProvider.System));
        Assert.Equal(TrustFailureReason.Malformed, e.Reason);
    }

    [Fact]
    public void UnsupportedSpecVersion_IsRefused()
    {
        var repo = new RepositorySimulator();
        string text = Encoding.UTF8.GetString(repo.RootBytes(1)).Replace("\"1.0.31\"", "\"2.0.0\"");
        var e = Assert.Throws<TrustVerificationException>(() => new TrustedMetadataSet(Encoding.UTF8.GetBytes(text), repo.Time));
        Assert.Equal(TrustFailureReason.UnsupportedSpecVersion, e.Reason);
    }

    [Fact]
    public void TamperedSignedField_BreaksSignature()
    {
        var repo = new RepositorySimulator();
        string text = Encoding.UTF8.GetString(repo.RootBytes(1)).Replace("\"consistent_snapshot\": true", "\"consistent_snapshot\": false");
        var e = Assert.Throws<TrustVerificationException>(() => new TrustedMetadataSet(Encoding.UTF8.GetBytes(text), repo.Time));
        Assert.Equal(TrustFailureReason.ThresholdNotMet, e.Reason);
    }

    [Fact]
    public void Targets_NotListedInSnapshot_IsMissingMetadata()
    {
        var repo = new RepositorySimulator();
        var set = new TrustedMetadataSet(repo.RootBytes(1), repo.Time);
        set.UpdateTimestamp(repo.Files["metadata/timestamp.json"]);
        set.UpdateSnapshot(repo.Files["metadata/1.snapshot.json"]);
        set.UpdateTargets(repo.Files["metadata/1.targets.json"]);
        var e = Assert.Throws<TrustVerificationException>(() => set.UpdateDelegatedTargets(repo.Files["metadata/1.targets.json"], "nope", RoleNames.Targets));
        Assert.Equal(TrustFailureReason.MissingMetadata, e.Reason);
    }
}
