using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Payouts.PayoutService.Data.Migrations
{
    /// <inheritdoc />
    public partial class LedgerTransactionHiLo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "ledger_transaction_ids",
                incrementBy: 10);

            migrationBuilder.AlterColumn<long>(
                name: "id",
                table: "ledger_transactions",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint")
                .OldAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            // Blocks handed out from here on start above every id the identity column gave.
            migrationBuilder.Sql("SELECT setval('ledger_transaction_ids', (SELECT COALESCE(MAX(id), 0) + 1 FROM ledger_transactions))");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropSequence(
                name: "ledger_transaction_ids");

            migrationBuilder.AlterColumn<long>(
                name: "id",
                table: "ledger_transactions",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint")
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
        }
    }
}
