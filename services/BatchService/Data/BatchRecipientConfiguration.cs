using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Payouts.BatchService.Domain;

namespace Payouts.BatchService.Data;

internal sealed class BatchRecipientConfiguration : IEntityTypeConfiguration<BatchRecipient>
{
    public void Configure(EntityTypeBuilder<BatchRecipient> builder)
    {
        builder.ToTable("batch_recipients");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(r => r.BatchId).HasColumnName("batch_id");
        builder.Property(r => r.Position).HasColumnName("position");
        builder.Property(r => r.Email).HasColumnName("email").HasMaxLength(BatchLimits.EmailMaxLength);
        builder.Property(r => r.Amount).HasColumnName("amount").HasPrecision(19, 4);
        builder.Property(r => r.Memo).HasColumnName("memo").HasMaxLength(BatchLimits.MemoMaxLength);
        builder.Property(r => r.Status).HasColumnName("status").HasMaxLength(20);
        builder.Property(r => r.FailureReason).HasColumnName("failure_reason").HasMaxLength(500);
        builder.Property(r => r.CreatedAt).HasColumnName("created_at");
        builder.Property(r => r.UpdatedAt).HasColumnName("updated_at");
        // One recipient per place in the batch: two writers that both saw the same count cannot both take its free places.
        builder.HasIndex(r => new { r.BatchId, r.Position }).IsUnique();
    }
}
