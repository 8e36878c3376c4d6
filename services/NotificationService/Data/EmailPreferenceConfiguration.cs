using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Payouts.NotificationService.Domain;

namespace Payouts.NotificationService.Data;

internal sealed class EmailPreferenceConfiguration : IEntityTypeConfiguration<EmailPreference>
{
    public void Configure(EntityTypeBuilder<EmailPreference> builder)
    {
        builder.ToTable("email_preferences");
        builder.HasKey(p => new { p.UserId, p.EventType });
        builder.Property(p => p.UserId).HasColumnName("user_id").HasMaxLength(100);
        builder.Property(p => p.EventType).HasColumnName("event_type").HasMaxLength(60);
        builder.Property(p => p.Email).HasColumnName("email");
        builder.Property(p => p.UpdatedAt).HasColumnName("updated_at");
    }
}
