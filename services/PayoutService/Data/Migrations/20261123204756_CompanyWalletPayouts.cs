using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Payouts.PayoutService.Data.Migrations
{
    /// <inheritdoc />
    public partial class CompanyWalletPayouts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "company_id",
                table: "user_transactions",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "company_id",
                table: "payouts",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "company_wallet",
                table: "payouts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_user_transactions_company_id_created_at",
                table: "user_transactions",
                columns: new[] { "company_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_payouts_company_id_requested_at",
                table: "payouts",
                columns: new[] { "company_id", "requested_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_user_transactions_company_id_created_at",
                table: "user_transactions");

            migrationBuilder.DropIndex(
                name: "IX_payouts_company_id_requested_at",
                table: "payouts");

            migrationBuilder.DropColumn(
                name: "company_id",
                table: "user_transactions");

            migrationBuilder.DropColumn(
                name: "company_wallet",
                table: "payouts");

            migrationBuilder.AlterColumn<string>(
                name: "company_id",
                table: "payouts",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64,
                oldNullable: true);
        }
    }
}
