using System.ComponentModel;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Clientele.Testing;

/// <summary>One test method (and data row) on one database kind; the kind is part of its name and identity.</summary>
public sealed class DatabaseTestCase : XunitTestCase
{
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public DatabaseTestCase()
    {
    }

    public DatabaseTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay display, TestMethodDisplayOptions displayOptions,
        ITestMethod testMethod, DatabaseKind kind, object[]? testMethodArguments = null)
        : base(diagnosticMessageSink, display, displayOptions, testMethod, testMethodArguments)
    {
        Kind = kind;
    }

    public DatabaseKind Kind { get; private set; }

    protected override string GetDisplayName(IAttributeInfo factAttribute, string displayName) => $"{base.GetDisplayName(factAttribute, displayName)} [{Kind}]";

    protected override string GetUniqueID() => $"{base.GetUniqueID()}-{Kind}";

    public override void Serialize(IXunitSerializationInfo data)
    {
        data.AddValue(nameof(Kind), Kind.ToString());
        base.Serialize(data);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        Kind = Enum.Parse<DatabaseKind>(data.GetValue<string>(nameof(Kind)));
        base.Deserialize(data);
    }

    public override Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments,
        ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
        => CurrentDatabase.RunSkippableAsync(Kind, messageBus, bus => base.RunAsync(diagnosticMessageSink, bus, constructorArguments, aggregator, cancellationTokenSource));
}

/// <summary>A theory whose data is only known when it runs, on one database kind.</summary>
public sealed class DatabaseTheoryTestCase : XunitTheoryTestCase
{
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public DatabaseTheoryTestCase()
    {
    }

    public DatabaseTheoryTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay display, TestMethodDisplayOptions displayOptions,
        ITestMethod testMethod, DatabaseKind kind)
        : base(diagnosticMessageSink, display, displayOptions, testMethod)
    {
        Kind = kind;
    }

    public DatabaseKind Kind { get; private set; }

    protected override string GetDisplayName(IAttributeInfo factAttribute, string displayName) => $"{base.GetDisplayName(factAttribute, displayName)} [{Kind}]";

    protected override string GetUniqueID() => $"{base.GetUniqueID()}-{Kind}";

    public override void Serialize(IXunitSerializationInfo data)
    {
        data.AddValue(nameof(Kind), Kind.ToString());
        base.Serialize(data);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        Kind = Enum.Parse<DatabaseKind>(data.GetValue<string>(nameof(Kind)));
        base.Deserialize(data);
    }

    public override Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments,
        ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
        => CurrentDatabase.RunSkippableAsync(Kind, messageBus, bus => base.RunAsync(diagnosticMessageSink, bus, constructorArguments, aggregator, cancellationTokenSource));
}
