using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Payouts.PayoutService.Data.Migrations
{
    /// <inheritdoc />
    public partial class BillingAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "IX_invoices_company_id", table: "invoices");
            migrationBuilder.DropIndex(name: "IX_billing_payments_company_id_created_at", table: "billing_payments");

            // Every existing invoice and payment was a company's: the column keeps its values under its new name.
            foreach (var table in new[] { "invoices", "billing_payments" })
            {
                migrationBuilder.RenameColumn(name: "company_id", table: table, newName: "account_id");
                migrationBuilder.AlterColumn<string>(name: "account_id", table: table, type: "character varying(100)", maxLength: 100, nullable: false);
                migrationBuilder.AddColumn<string>(name: "account_type", table: table, type: "character varying(16)", maxLength: 16, nullable: false,
                    defaultValue: "company");
                migrationBuilder.Sql($"ALTER TABLE {table} ALTER COLUMN account_type DROP DEFAULT");
            }

            migrationBuilder.AddColumn<string>(name: "country", table: "invoices", type: "character varying(2)", maxLength: 2, nullable: true);

            migrationBuilder.CreateIndex(name: "IX_invoices_account_type_account_id", table: "invoices", columns: new[] { "account_type", "account_id" });
            migrationBuilder.CreateIndex(name: "IX_billing_payments_account_type_account_id_created_at", table: "billing_payments",
                columns: new[] { "account_type", "account_id", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "IX_invoices_account_type_account_id", table: "invoices");
            migrationBuilder.DropIndex(name: "IX_billing_payments_account_type_account_id_created_at", table: "billing_payments");
            migrationBuilder.DropColumn(name: "country", table: "invoices");
            foreach (var table in new[] { "invoices", "billing_payments" })
            {
                migrationBuilder.DropColumn(name: "account_type", table: table);
                migrationBuilder.RenameColumn(name: "account_id", table: table, newName: "company_id");
                migrationBuilder.AlterColumn<string>(name: "company_id", table: table, type: "text", nullable: false);
            }

            migrationBuilder.CreateIndex(name: "IX_invoices_company_id", table: "invoices", column: "company_id");
            migrationBuilder.CreateIndex(name: "IX_billing_payments_company_id_created_at", table: "billing_payments", columns: new[] { "company_id", "created_at" });
        }
    }
}
