using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Payouts.NotificationService.Domain;

namespace Payouts.NotificationService.Data;

internal sealed class NotificationReadConfiguration : IEntityTypeConfiguration<NotificationRead>
{
    public void Configure(EntityTypeBuilder<NotificationRead> builder)
    {
        builder.ToTable("notification_reads");
        // The key answers "has this user read it" for each listed or counted notification.
        builder.HasKey(r => new { r.NotificationId, r.UserId });
        builder.Property(r => r.NotificationId).HasColumnName("notification_id");
        builder.Property(r => r.UserId).HasColumnName("user_id").HasMaxLength(100);
        builder.Property(r => r.ReadAt).HasColumnName("read_at");
        builder.HasOne<Notification>().WithMany().HasForeignKey(r => r.NotificationId).OnDelete(DeleteBehavior.Cascade);
    }
}
