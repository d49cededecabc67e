namespace AsyncTestTemplates.Testing;

/// <summary>What a hosted service of the project under test was first seen doing after the host started.</summary>
/// <param name="ServiceType">The hosted service's type (internal ones included).</param>
/// <param name="FirstActivity">What it did ("logged …", "armed a timer …"), or null when nothing it did could be observed.</param>
public sealed record HostedServiceActivity(Type ServiceType, string? FirstActivity)
{
    /// <summary>True when the service was seen doing something: its ExecuteAsync (or StartAsync) ran.</summary>
    public bool WasObserved => FirstActivity is not null;
}
