using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Payouts.PayoutService.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReadModelDestinationDetails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "account_holder_name",
                table: "beneficiary_destinations",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "bank_code",
                table: "beneficiary_destinations",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "masked_routing_number",
                table: "beneficiary_destinations",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "account_holder_name",
                table: "bank_accounts",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "bank_code",
                table: "bank_accounts",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "masked_routing_number",
                table: "bank_accounts",
                type: "text",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "account_holder_name",
                table: "beneficiary_destinations");

            migrationBuilder.DropColumn(
                name: "bank_code",
                table: "beneficiary_destinations");

            migrationBuilder.DropColumn(
                name: "masked_routing_number",
                table: "beneficiary_destinations");

            migrationBuilder.DropColumn(
                name: "account_holder_name",
                table: "bank_accounts");

            migrationBuilder.DropColumn(
                name: "bank_code",
                table: "bank_accounts");

            migrationBuilder.DropColumn(
                name: "masked_routing_number",
                table: "bank_accounts");
        }
    }
}
