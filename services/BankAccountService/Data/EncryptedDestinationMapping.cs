using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Payouts.BankAccountService.Domain;

namespace Payouts.BankAccountService.Data;

/// <summary>
/// The one mapping of an <see cref="EncryptedDestination"/>: owned, in its owner's own table, under the column names
/// <c>bank_account</c> and <c>beneficiary_details</c> have always had.
/// </summary>
internal static class EncryptedDestinationMapping
{
    public static void OwnsEncryptedDestination<TOwner>(this EntityTypeBuilder<TOwner> builder, Expression<Func<TOwner, EncryptedDestination?>> destination)
        where TOwner : class
    {
        builder.OwnsOne(destination, owned =>
        {
            owned.Property(d => d.Country).HasColumnName("country").HasMaxLength(2);
            owned.Property(d => d.Currency).HasColumnName("currency").HasMaxLength(3);
            owned.Property(d => d.AccountNumberCiphertext).HasColumnName("account_number_ciphertext");
            owned.Property(d => d.RoutingNumberCiphertext).HasColumnName("routing_number_ciphertext");
            owned.Property(d => d.BankCode).HasColumnName("bank_code").HasMaxLength(11);
            owned.Property(d => d.AccountNumberTail).HasColumnName("account_number_tail").HasMaxLength(4);
            owned.Property(d => d.BankIdentifierTail).HasColumnName("bank_identifier_tail").HasMaxLength(4);
            owned.Ignore(d => d.MaskedAccountNumber);
            owned.Ignore(d => d.MaskedBankIdentifier);
        });

        // Every row has one: required keeps its columns NOT NULL where they were.
        builder.Navigation(destination).IsRequired();
    }
}
