using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Payouts.SettlementService.Data.Migrations
{
    /// <inheritdoc />
    public partial class PayPalStripeRails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Renamed and widened, not dropped: existing transfers keep their masked account numbers.
            migrationBuilder.RenameColumn(
                name: "beneficiary_account_masked",
                table: "transfers",
                newName: "beneficiary_masked");

            migrationBuilder.AlterColumn<string>(
                name: "beneficiary_masked",
                table: "transfers",
                type: "character varying(260)",
                maxLength: 260,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(12)",
                oldMaxLength: 12);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "beneficiary_masked",
                table: "transfers",
                type: "character varying(12)",
                maxLength: 12,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(260)",
                oldMaxLength: 260);

            migrationBuilder.RenameColumn(
                name: "beneficiary_masked",
                table: "transfers",
                newName: "beneficiary_account_masked");
        }
    }
}
