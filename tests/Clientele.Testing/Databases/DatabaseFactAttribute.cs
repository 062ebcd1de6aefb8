using Xunit;
using Xunit.Sdk;

namespace Clientele.Testing;

/// <summary>A fact that runs once on SQLite and once on PostgreSQL; the test class takes its server from <see cref="DatabaseServers{TServer}"/>.</summary>
[XunitTestCaseDiscoverer("Clientele.Testing.DatabaseFactDiscoverer", "Clientele.Testing")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DatabaseFactAttribute : FactAttribute;

/// <summary>A theory whose every data row runs once on SQLite and once on PostgreSQL.</summary>
[XunitTestCaseDiscoverer("Clientele.Testing.DatabaseTheoryDiscoverer", "Clientele.Testing")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DatabaseTheoryAttribute : TheoryAttribute;
