using Microsoft.EntityFrameworkCore;
using Payouts.Messaging;
using Payouts.SettlementService.Domain;

namespace Payouts.SettlementService.Data;

/// <summary>The settlementdb database, owned by this service alone.</summary>
public sealed class SettlementDbContext(DbContextOptions<SettlementDbContext> options) : DbContext(options)
{
    public DbSet<Transfer> Transfers => Set<Transfer>();

    public DbSet<MicroDeposit> MicroDeposits => Set<MicroDeposit>();

    public DbSet<SettlementFault> Faults => Set<SettlementFault>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Outbox and inbox tables live beside the service's own tables so state changes and messages commit together.
        modelBuilder.AddTransactionalOutboxEntities();

        modelBuilder.Entity<Transfer>(transfer =>
        {
            transfer.ToTable("transfers");
            transfer.HasKey(t => t.Id);
            transfer.Property(t => t.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            // At most one transfer per payout, whatever the number of workers or duplicate commands.
            transfer.Property(t => t.PayoutId).HasColumnName("payout_id");
            transfer.HasIndex(t => t.PayoutId).IsUnique();
            transfer.Property(t => t.PaymentReference).HasColumnName("payment_reference").HasMaxLength(100);
            transfer.HasIndex(t => t.PaymentReference).IsUnique();
            transfer.Property(t => t.DestinationKind).HasColumnName("destination_kind").HasConversion<string>().HasMaxLength(40);
            transfer.Property(t => t.DestinationId).HasColumnName("destination_id");
            transfer.Property(t => t.BeneficiaryBankCode).HasColumnName("beneficiary_bank_code").HasMaxLength(20);
            // Masked bank account, PayPal email or Stripe account; a masked email keeps the whole domain.
            transfer.Property(t => t.BeneficiaryMasked).HasColumnName("beneficiary_masked").HasMaxLength(260);
            transfer.Property(t => t.Amount).HasColumnName("amount").HasPrecision(19, 4);
            transfer.Property(t => t.Currency).HasColumnName("currency").HasMaxLength(3).IsFixedLength();
            transfer.Property(t => t.Narration).HasColumnName("narration").HasMaxLength(255);
            transfer.Property(t => t.Status).HasColumnName("status").HasMaxLength(16);
            transfer.Property(t => t.ProviderTransferId).HasColumnName("provider_transfer_id").HasMaxLength(64);
            transfer.HasIndex(t => t.ProviderTransferId).IsUnique();
            transfer.Property(t => t.FailureCode).HasColumnName("failure_code").HasMaxLength(40);
            transfer.Property(t => t.FailureReason).HasColumnName("failure_reason").HasMaxLength(200);
            transfer.Property(t => t.ReconciliationAttempts).HasColumnName("reconciliation_attempts");
            transfer.Property(t => t.CreatedAt).HasColumnName("created_at");
            transfer.Property(t => t.UpdatedAt).HasColumnName("updated_at");
            transfer.Property(t => t.CompletedAt).HasColumnName("completed_at");
            // Set only when an operator closed the transfer by hand.
            transfer.Property(t => t.ResolvedBy).HasColumnName("resolved_by").HasMaxLength(OperatorResolution.MaxResolvedByLength);
            transfer.Property(t => t.ResolvedAt).HasColumnName("resolved_at");
            transfer.Property(t => t.Resolution).HasColumnName("resolution").HasMaxLength(16);
            transfer.Property(t => t.ResolutionNote).HasColumnName("resolution_note").HasMaxLength(OperatorResolution.MaxNoteLength);
            // Reconciliation looks only at transfers without a final answer.
            transfer.HasIndex(t => t.UpdatedAt).HasFilter("status IN ('pending', 'unknown')");
            // The finished-transfer report pages through a window of finished transfers.
            transfer.HasIndex(t => new { t.CompletedAt, t.Id }).HasFilter("status IN ('completed', 'failed')");
        });

        modelBuilder.Entity<MicroDeposit>(deposit =>
        {
            deposit.ToTable("micro_deposits");
            deposit.HasKey(d => new { d.VerificationId, d.Sequence });
            deposit.Property(d => d.VerificationId).HasColumnName("verification_id");
            deposit.Property(d => d.Sequence).HasColumnName("sequence");
            deposit.Property(d => d.BankAccountId).HasColumnName("bank_account_id");
            deposit.Property(d => d.PaymentReference).HasColumnName("payment_reference").HasMaxLength(100);
            deposit.HasIndex(d => d.PaymentReference).IsUnique();
            deposit.Property(d => d.Amount).HasColumnName("amount").HasPrecision(19, 4);
            deposit.Property(d => d.Currency).HasColumnName("currency").HasMaxLength(3).IsFixedLength();
            deposit.Property(d => d.Status).HasColumnName("status").HasMaxLength(16);
            deposit.Property(d => d.ProviderTransferId).HasColumnName("provider_transfer_id").HasMaxLength(64);
            deposit.Property(d => d.FailureCode).HasColumnName("failure_code").HasMaxLength(40);
            deposit.Property(d => d.FailureReason).HasColumnName("failure_reason").HasMaxLength(200);
            deposit.Property(d => d.CreatedAt).HasColumnName("created_at");
            deposit.Property(d => d.UpdatedAt).HasColumnName("updated_at");
        });

        modelBuilder.Entity<SettlementFault>(fault =>
        {
            fault.ToTable("settlement_faults");
            fault.HasKey(f => f.FaultId);
            fault.Property(f => f.FaultId).HasColumnName("fault_id");
            fault.Property(f => f.MessageType).HasColumnName("message_type").HasMaxLength(100);
            fault.Property(f => f.SubjectId).HasColumnName("subject_id");
            fault.Property(f => f.Exception).HasColumnName("exception").HasMaxLength(500);
            fault.Property(f => f.OccurredAt).HasColumnName("occurred_at");
            fault.HasIndex(f => f.OccurredAt);
        });
    }
}
