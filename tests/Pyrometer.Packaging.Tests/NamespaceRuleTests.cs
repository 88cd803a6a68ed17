using Pyrometer.Packaging.Tests.Infrastructure;

namespace Pyrometer.Packaging.Tests;

// The rule the packed dlls are checked by (PackageTests): what it lets through and what it refuses.
public class NamespaceRuleTests
{
    [Theory]
    [InlineData("Pyrometer.Extensions.Hosting", "Pyrometer.Extensions.Hosting", false, true)]
    [InlineData("Pyrometer.Extensions.Hosting.Pushgateway", "Pyrometer.Extensions.Hosting.Pushgateway.Internal", false, true)]
    [InlineData("Pyrometer.Extensions.Hosting.HttpListener", "Pyrometer", true, true)]
    [InlineData("Pyrometer.Core", "Pyrometer", false, true)]
    [InlineData("Pyrometer.Core", "Pyrometer.Exposition", false, true)]
    [InlineData("Pyrometer.Extensions.Hosting", "Pyrometer", false, false)]
    [InlineData("Pyrometer.Extensions.Hosting.Pushgateway", "Pyrometer.Hosting", false, false)]
    [InlineData("Pyrometer.Extensions.Hosting.Pushgateway", "Pyrometer.Extensions.Hosting", false, false)]
    [InlineData("Pyrometer.Extensions.Hosting", "Pyrometer.Extensions.HostingTools", false, false)]
    [InlineData("Pyrometer.Transports.Kestrel", "Microsoft.Extensions.DependencyInjection", true, false)]
    public void Allows_TypeInNamespace_FollowsTheRule(string packageId, string ns, bool holdsExtensionMethods, bool allowed)
    {
        Assert.Equal(allowed, NamespaceRule.Allows(packageId, new PublicType(ns, "SomeType", holdsExtensionMethods)));
    }
}
