using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Payouts.PayoutService.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReadModelPostalCodeType : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "postal_code_is_number",
                table: "beneficiaries",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "postal_code_is_number",
                table: "beneficiaries");
        }
    }
}
