using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Payouts.PayoutService.Data.Migrations
{
    /// <inheritdoc />
    public partial class PayoutReferenceSequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "payout_reference_seq");

            // Continue after the highest number the counter rows handed out, so no reference repeats.
            migrationBuilder.Sql(
                "SELECT setval('payout_reference_seq', COALESCE((SELECT max(last_value) FROM payout_reference_counters), 0) + 1, false);");

            migrationBuilder.DropTable(
                name: "payout_reference_counters");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropSequence(
                name: "payout_reference_seq");

            migrationBuilder.CreateTable(
                name: "payout_reference_counters",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    last_value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payout_reference_counters", x => x.year);
                });
        }
    }
}
