using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Payouts.PayoutService.Data.Migrations
{
    /// <inheritdoc />
    public partial class SettlementStatusCheck : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "last_settlement_status",
                table: "payout_saga",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "status_check_due_at",
                table: "payout_saga",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "status_checks",
                table: "payout_saga",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "ix_payout_saga_status_check",
                table: "payout_saga",
                columns: new[] { "current_state", "status_check_due_at" });

            // Payouts already settling when this ships get their first status check at once.
            migrationBuilder.Sql("UPDATE payout_saga SET status_check_due_at = now() WHERE current_state = 'Settling'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_payout_saga_status_check",
                table: "payout_saga");

            migrationBuilder.DropColumn(
                name: "last_settlement_status",
                table: "payout_saga");

            migrationBuilder.DropColumn(
                name: "status_check_due_at",
                table: "payout_saga");

            migrationBuilder.DropColumn(
                name: "status_checks",
                table: "payout_saga");
        }
    }
}
