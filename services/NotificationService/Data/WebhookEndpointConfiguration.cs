using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Payouts.NotificationService.Domain;

namespace Payouts.NotificationService.Data;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.ToTable("webhook_endpoints");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(e => e.OwnerKind).HasColumnName("owner_kind").HasMaxLength(10);
        builder.Property(e => e.OwnerId).HasColumnName("owner_id").HasMaxLength(100);
        builder.Property(e => e.Url).HasColumnName("url").HasMaxLength(2048);
        // A text[]: the Notifier picks endpoints by the event's type.
        builder.Property(e => e.EventTypes).HasColumnName("event_types");
        builder.Property(e => e.EncryptedSecret).HasColumnName("secret_encrypted");
        builder.Property(e => e.EncryptedPreviousSecret).HasColumnName("previous_secret_encrypted");
        builder.Property(e => e.PreviousSecretExpiresAt).HasColumnName("previous_secret_expires_at");
        builder.Property(e => e.Enabled).HasColumnName("enabled");
        builder.Property(e => e.DisabledReason).HasColumnName("disabled_reason").HasMaxLength(1000);
        builder.Property(e => e.ConsecutiveFailures).HasColumnName("consecutive_failures");
        builder.Property(e => e.CreatedAt).HasColumnName("created_at");
        builder.Property(e => e.UpdatedAt).HasColumnName("updated_at");
        builder.HasIndex(e => new { e.OwnerKind, e.OwnerId });
    }
}
