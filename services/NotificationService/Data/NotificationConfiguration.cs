using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Payouts.NotificationService.Domain;

namespace Payouts.NotificationService.Data;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(n => n.UserId).HasColumnName("user_id").HasMaxLength(100);
        builder.Property(n => n.CompanyId).HasColumnName("company_id").HasMaxLength(100);
        builder.Property(n => n.Type).HasColumnName("type").HasMaxLength(60);
        // Unbounded: it quotes reasons (a rejection's, a failure's) whose length their own services bound.
        builder.Property(n => n.Message).HasColumnName("message");
        builder.Property(n => n.ObjectType).HasColumnName("object_type").HasMaxLength(30);
        builder.Property(n => n.ObjectId).HasColumnName("object_id").HasMaxLength(100);
        builder.Property(n => n.Reference).HasColumnName("reference").HasMaxLength(200);
        builder.Property(n => n.Amount).HasColumnName("amount").HasPrecision(19, 4);
        builder.Property(n => n.Currency).HasColumnName("currency").HasMaxLength(3);
        builder.Property(n => n.CreatedAt).HasColumnName("created_at");
        // A user's list and a company's list, newest first; the unread counts read the same indexes (and the reads' key).
        builder.HasIndex(n => new { n.UserId, n.CreatedAt });
        builder.HasIndex(n => new { n.CompanyId, n.CreatedAt }).HasFilter("user_id IS NULL");
    }
}
