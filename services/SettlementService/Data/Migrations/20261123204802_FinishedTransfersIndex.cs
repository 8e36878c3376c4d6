using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Payouts.SettlementService.Data.Migrations
{
    /// <inheritdoc />
    public partial class FinishedTransfersIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_transfers_completed_at_id",
                table: "transfers",
                columns: new[] { "completed_at", "id" },
                filter: "status IN ('completed', 'failed')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_transfers_completed_at_id",
                table: "transfers");
        }
    }
}
