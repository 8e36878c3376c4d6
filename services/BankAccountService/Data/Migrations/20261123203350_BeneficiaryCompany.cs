using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Payouts.BankAccountService.Data.Migrations
{
    /// <inheritdoc />
    public partial class BeneficiaryCompany : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "company_id",
                table: "beneficiary",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "company_id",
                table: "beneficiary");
        }
    }
}
