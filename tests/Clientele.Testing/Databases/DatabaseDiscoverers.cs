using Xunit.Abstractions;
using Xunit.Sdk;

namespace Clientele.Testing;

public sealed class DatabaseFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        base.Discover(discoveryOptions, testMethod, factAttribute) is var cases && cases.All(c => c is ExecutionErrorTestCase) && cases.Any()
            ? cases
            : Enum.GetValues<DatabaseKind>().Select(kind => (IXunitTestCase)new DatabaseTestCase(
                DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, kind));
}

public sealed class DatabaseTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow) =>
        Enum.GetValues<DatabaseKind>().Select(kind => (IXunitTestCase)new DatabaseTestCase(
            DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, kind, dataRow));

    protected override IEnumerable<IXunitTestCase> CreateTestCasesForTheory(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        Enum.GetValues<DatabaseKind>().Select(kind => (IXunitTestCase)new DatabaseTheoryTestCase(
            DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, kind));
}
