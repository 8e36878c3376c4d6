using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Payouts.PayoutService.Data.Migrations
{
    /// <inheritdoc />
    public partial class FxRateUpdatedBy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "updated_by",
                table: "fx_rates",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            // The seeded rows took ids 1-6 explicitly, which leaves the identity at 1: move it past them so an admin's new pair gets a free id.
            migrationBuilder.Sql("SELECT setval(pg_get_serial_sequence('fx_rates', 'id'), (SELECT COALESCE(MAX(id), 1) FROM fx_rates))");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "updated_by",
                table: "fx_rates");
        }
    }
}
