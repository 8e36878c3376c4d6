using Aspire.Hosting.ApplicationModel;

namespace Payouts.Hosting.RabbitMQ;

/// <summary>A RabbitMQ broker the user already runs, given as an amqp:// URI.</summary>
public sealed class ExternalRabbitMQResource(string name, string uri) : Resource(name), IResourceWithConnectionString
{
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{uri}");
}
