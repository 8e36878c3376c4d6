using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Payouts.BankAccountService.Data.Migrations
{
    /// <inheritdoc />
    public partial class BeneficiaryPostalCodeType : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "address_postal_code_is_number",
                table: "beneficiary",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "address_postal_code_is_number",
                table: "beneficiary");
        }
    }
}
