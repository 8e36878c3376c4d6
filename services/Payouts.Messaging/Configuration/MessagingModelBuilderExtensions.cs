using Microsoft.EntityFrameworkCore;
using Payouts.Messaging.Inbox;
using Payouts.Messaging.Outbox;

namespace Payouts.Messaging;

public static class MessagingModelBuilderExtensions
{
    public const string OutboxMessageTable = "outbox_message";
    public const string InboxStateTable = "inbox_state";

    /// <summary>
    /// Maps the outbox (<c>outbox_message</c>) and inbox (<c>inbox_state</c>) tables into the service's DbContext,
    /// so its migrations create them and its transactions cover them. Call from <c>OnModelCreating</c>.
    /// </summary>
    public static ModelBuilder AddTransactionalOutboxEntities(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(entity =>
        {
            entity.ToTable(OutboxMessageTable);
            entity.HasKey(m => m.SequenceNumber);
            entity.Property(m => m.SequenceNumber).HasColumnName("sequence_number").UseIdentityAlwaysColumn();
            entity.Property(m => m.MessageId).HasColumnName("message_id");
            entity.HasIndex(m => m.MessageId).IsUnique();
            entity.Property(m => m.ConversationId).HasColumnName("conversation_id");
            entity.Property(m => m.CorrelationId).HasColumnName("correlation_id");
            entity.Property(m => m.InitiatorId).HasColumnName("initiator_id");
            entity.Property(m => m.RequestId).HasColumnName("request_id");
            entity.Property(m => m.SourceAddress).HasColumnName("source_address");
            entity.Property(m => m.DestinationAddress).HasColumnName("destination_address");
            entity.Property(m => m.ResponseAddress).HasColumnName("response_address");
            entity.Property(m => m.FaultAddress).HasColumnName("fault_address");
            entity.Property(m => m.MessageType).HasColumnName("message_type");
            entity.Property(m => m.ContentType).HasColumnName("content_type");
            entity.Property(m => m.Body).HasColumnName("body");
            entity.Property(m => m.Headers).HasColumnName("headers").HasColumnType("jsonb");
            entity.Property(m => m.Properties).HasColumnName("properties").HasColumnType("jsonb");
            entity.Property(m => m.SentTime).HasColumnName("sent_time");
            entity.Property(m => m.EnqueueTime).HasColumnName("enqueue_time");
            entity.Property(m => m.ExpirationTime).HasColumnName("expiration_time");
            entity.Property(m => m.DeliveryAttempts).HasColumnName("delivery_attempts");
            entity.Property(m => m.LastError).HasColumnName("last_error");
        });

        modelBuilder.Entity<InboxState>(entity =>
        {
            entity.ToTable(InboxStateTable);
            // The primary key is the duplicate detector: a second insert for the same pair conflicts.
            entity.HasKey(s => new { s.MessageId, s.ConsumerId });
            entity.Property(s => s.MessageId).HasColumnName("message_id");
            entity.Property(s => s.ConsumerId).HasColumnName("consumer_id");
            entity.Property(s => s.ReceivedAt).HasColumnName("received_at");
            entity.HasIndex(s => s.ReceivedAt);
        });

        return modelBuilder;
    }
}
