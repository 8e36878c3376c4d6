using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Payouts.NotificationService.Domain;

namespace Payouts.NotificationService.Data;

internal sealed class EmailMessageConfiguration : IEntityTypeConfiguration<EmailMessage>
{
    public void Configure(EntityTypeBuilder<EmailMessage> builder)
    {
        builder.ToTable("email_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(m => m.NotificationId).HasColumnName("notification_id");
        builder.Property(m => m.Status).HasColumnName("status").HasMaxLength(20);
        builder.Property(m => m.Attempts).HasColumnName("attempts");
        builder.Property(m => m.NextAttemptAt).HasColumnName("next_attempt_at");
        builder.Property(m => m.GiveUpAt).HasColumnName("give_up_at");
        builder.Property(m => m.LastError).HasColumnName("last_error").HasMaxLength(1000);
        builder.Property(m => m.LastAttemptAt).HasColumnName("last_attempt_at");
        builder.Property(m => m.SentAt).HasColumnName("sent_at");
        builder.Property(m => m.CreatedAt).HasColumnName("created_at");
        builder.HasOne<Notification>().WithMany().HasForeignKey(m => m.NotificationId).OnDelete(DeleteBehavior.Cascade);
        // One email per event, however often the event arrives.
        builder.HasIndex(m => m.NotificationId).IsUnique();
        // The dispatcher's claim: pending ones by when they are due.
        builder.HasIndex(m => m.NextAttemptAt).HasFilter("status = 'pending'");
    }
}
