namespace Clientele.Api.Tests.Jobs;

/// <summary>Tests that start real server processes run alone, so a busy machine does not stretch a 3-second lease.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServerProcessCollection
{
    public const string Name = "Server processes";
}
