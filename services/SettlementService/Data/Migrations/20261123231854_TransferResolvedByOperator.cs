using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Payouts.SettlementService.Data.Migrations
{
    /// <inheritdoc />
    public partial class TransferResolvedByOperator : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "resolution",
                table: "transfers",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "resolution_note",
                table: "transfers",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "resolved_at",
                table: "transfers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "resolved_by",
                table: "transfers",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "resolution",
                table: "transfers");

            migrationBuilder.DropColumn(
                name: "resolution_note",
                table: "transfers");

            migrationBuilder.DropColumn(
                name: "resolved_at",
                table: "transfers");

            migrationBuilder.DropColumn(
                name: "resolved_by",
                table: "transfers");
        }
    }
}
