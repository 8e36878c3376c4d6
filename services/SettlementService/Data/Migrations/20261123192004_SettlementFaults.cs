using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Payouts.SettlementService.Data.Migrations
{
    /// <inheritdoc />
    public partial class SettlementFaults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "settlement_faults",
                columns: table => new
                {
                    fault_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    exception = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_settlement_faults", x => x.fault_id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_settlement_faults_occurred_at",
                table: "settlement_faults",
                column: "occurred_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "settlement_faults");
        }
    }
}
