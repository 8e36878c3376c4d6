using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Payouts.SettlementService.Data.Migrations
{
    /// <inheritdoc />
    public partial class MicroDepositFailureReason : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "failure_reason",
                table: "micro_deposits",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "failure_reason",
                table: "micro_deposits");
        }
    }
}
