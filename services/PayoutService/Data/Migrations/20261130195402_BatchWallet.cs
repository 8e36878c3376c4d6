using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Payouts.PayoutService.Data.Migrations
{
    /// <inheritdoc />
    public partial class BatchWallet : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "batch_fund_holds",
                columns: table => new
                {
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false),
                    remaining = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    available_when_refused = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: true),
                    released = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    released_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_batch_fund_holds", x => x.batch_id);
                });

            migrationBuilder.CreateTable(
                name: "batch_recipient_payments",
                columns: table => new
                {
                    recipient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    rail = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    user_id = table.Column<long>(type: "bigint", nullable: true),
                    payout_id = table.Column<long>(type: "bigint", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    transaction_reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    failure_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_batch_recipient_payments", x => x.recipient_id);
                    table.ForeignKey(
                        name: "FK_batch_recipient_payments_payouts_payout_id",
                        column: x => x.payout_id,
                        principalTable: "payouts",
                        principalColumn: "id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_batch_fund_holds_company_id_status",
                table: "batch_fund_holds",
                columns: new[] { "company_id", "status" });

            migrationBuilder.CreateIndex(
                name: "IX_batch_recipient_payments_batch_id",
                table: "batch_recipient_payments",
                column: "batch_id");

            migrationBuilder.CreateIndex(
                name: "IX_batch_recipient_payments_payout_id",
                table: "batch_recipient_payments",
                column: "payout_id",
                unique: true);

            // BatchService asks whether each payee's email is a platform user's, case-insensitively (UserDirectory.FindByEmailAsync).
            // An expression index, which the EF model does not describe: created here only.
            migrationBuilder.Sql("CREATE INDEX ix_users_lower_email ON users (lower(email));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ix_users_lower_email;");

            migrationBuilder.DropTable(
                name: "batch_fund_holds");

            migrationBuilder.DropTable(
                name: "batch_recipient_payments");
        }
    }
}
