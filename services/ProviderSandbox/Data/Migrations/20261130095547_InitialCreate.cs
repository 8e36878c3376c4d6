using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Payouts.ProviderSandbox.Data.Migrations
{
    // The former single migration InitialSandbox, renamed; the database it builds is the same.
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "account_balances",
                columns: table => new
                {
                    account_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    balance = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_account_balances", x => new { x.account_id, x.currency });
                    table.CheckConstraint("ck_account_balances_not_negative", "balance >= 0");
                });

            migrationBuilder.CreateTable(
                name: "first_attempts",
                columns: table => new
                {
                    payment_reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    refused_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_first_attempts", x => x.payment_reference);
                });

            migrationBuilder.CreateTable(
                name: "transfers",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    payment_reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    debit_account_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    rail = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    beneficiary_bank_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    beneficiary_account_number = table.Column<string>(type: "character varying(34)", maxLength: 34, nullable: true),
                    beneficiary_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    beneficiary_connected_account_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    destination = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    narration = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    failure_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    failure_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    debited = table.Column<bool>(type: "boolean", nullable: false),
                    resolve_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_transfers", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_transfers_destination_created_at",
                table: "transfers",
                columns: new[] { "destination", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_transfers_payment_reference",
                table: "transfers",
                column: "payment_reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_transfers_resolve_at",
                table: "transfers",
                column: "resolve_at",
                filter: "status = 'pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "account_balances");

            migrationBuilder.DropTable(
                name: "first_attempts");

            migrationBuilder.DropTable(
                name: "transfers");
        }
    }
}
