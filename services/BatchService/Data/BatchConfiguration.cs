using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Payouts.BatchService.Domain;

namespace Payouts.BatchService.Data;

internal sealed class BatchConfiguration : IEntityTypeConfiguration<Batch>
{
    public void Configure(EntityTypeBuilder<Batch> builder)
    {
        builder.ToTable("batches");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(b => b.CompanyId).HasColumnName("company_id").HasMaxLength(100);
        builder.Property(b => b.Reference).HasColumnName("reference").HasMaxLength(BatchLimits.ReferenceMaxLength);
        builder.Property(b => b.Status).HasColumnName("status").HasMaxLength(20);
        builder.Property(b => b.Currency).HasColumnName("currency").HasMaxLength(3);
        builder.Property(b => b.CreatedAt).HasColumnName("created_at");
        builder.Property(b => b.UpdatedAt).HasColumnName("updated_at");
        builder.Property(b => b.CompletedAt).HasColumnName("completed_at");
        builder.Property(b => b.ApprovedBy).HasColumnName("approved_by").HasMaxLength(200);
        builder.Property(b => b.ApprovedAt).HasColumnName("approved_at");
        builder.HasMany(b => b.Recipients).WithOne().HasForeignKey(r => r.BatchId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(b => b.Recipients).UsePropertyAccessMode(PropertyAccessMode.Field);
        // Seed 001: the payment reference is unique per company; the index holds it against concurrent creates too.
        builder.HasIndex(b => new { b.CompanyId, b.Reference }).IsUnique();
        // The company's list, newest first.
        builder.HasIndex(b => new { b.CompanyId, b.CreatedAt });
    }
}
