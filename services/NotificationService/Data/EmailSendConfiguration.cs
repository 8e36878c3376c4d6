using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Payouts.NotificationService.Domain;

namespace Payouts.NotificationService.Data;

internal sealed class EmailSendConfiguration : IEntityTypeConfiguration<EmailSend>
{
    public void Configure(EntityTypeBuilder<EmailSend> builder)
    {
        builder.ToTable("email_sends");
        // At most one copy per message and recipient.
        builder.HasKey(s => new { s.EmailMessageId, s.UserId });
        builder.Property(s => s.EmailMessageId).HasColumnName("email_message_id");
        builder.Property(s => s.UserId).HasColumnName("user_id").HasMaxLength(100);
        builder.Property(s => s.Email).HasColumnName("email").HasMaxLength(320);
        builder.Property(s => s.SentAt).HasColumnName("sent_at");
        builder.HasOne<EmailMessage>().WithMany().HasForeignKey(s => s.EmailMessageId).OnDelete(DeleteBehavior.Cascade);
    }
}
