using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Payouts.NotificationService.Domain;

namespace Payouts.NotificationService.Data;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("webhook_deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(d => d.EndpointId).HasColumnName("endpoint_id");
        builder.Property(d => d.EventId).HasColumnName("event_id");
        builder.Property(d => d.EventType).HasColumnName("event_type").HasMaxLength(60);
        builder.Property(d => d.Payload).HasColumnName("payload").HasColumnType("text");
        builder.Property(d => d.Status).HasColumnName("status").HasMaxLength(20);
        builder.Property(d => d.Attempts).HasColumnName("attempts");
        builder.Property(d => d.NextAttemptAt).HasColumnName("next_attempt_at");
        builder.Property(d => d.GiveUpAt).HasColumnName("give_up_at");
        builder.Property(d => d.LastResponseCode).HasColumnName("last_response_code");
        builder.Property(d => d.LastError).HasColumnName("last_error").HasMaxLength(1000);
        builder.Property(d => d.LastAttemptAt).HasColumnName("last_attempt_at");
        builder.Property(d => d.CreatedAt).HasColumnName("created_at");
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
        // Exactly one delivery per event per endpoint, however often the event arrives.
        builder.HasIndex(d => new { d.EndpointId, d.EventId }).IsUnique();
        // The dispatcher's claim: pending ones by when they are due.
        builder.HasIndex(d => d.NextAttemptAt).HasFilter("status = 'pending'");
        // The delivery log, newest first.
        builder.HasIndex(d => new { d.EndpointId, d.CreatedAt });
    }
}
