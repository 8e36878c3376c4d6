namespace Payouts.AppHost.Lifecycle;

/// <summary>Marks a resource the AppHost starts again, with backoff, when its process exits without being asked to stop.</summary>
internal sealed class RestartOnCrashAnnotation : IResourceAnnotation;
