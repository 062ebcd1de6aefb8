using NetArchTest.Rules;

namespace Clientele.Architecture.Tests;

internal static class ArchitectureAssert
{
    public static void Passes(TestResult result, string rule)
    {
        var offenders = result.FailingTypeNames ?? [];
        Assert.True(result.IsSuccessful,
            $"{rule}{Environment.NewLine}Offending types ({offenders.Count}):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", offenders));
    }
}
