using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Payouts.BankAccountService.Data.Migrations
{
    /// <inheritdoc />
    public partial class MicroDepositOutcome : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "verification_expires_at",
                table: "bank_account",
                type: "timestamp with time zone",
                nullable: true,
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone");

            migrationBuilder.AddColumn<string>(
                name: "micro_deposits_failure_code",
                table: "bank_account",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "micro_deposits_sent_at",
                table: "bank_account",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "verification_round",
                table: "bank_account",
                type: "integer",
                nullable: false,
                // Accounts that exist already are on their first round.
                defaultValue: 1);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "micro_deposits_failure_code",
                table: "bank_account");

            migrationBuilder.DropColumn(
                name: "micro_deposits_sent_at",
                table: "bank_account");

            migrationBuilder.DropColumn(
                name: "verification_round",
                table: "bank_account");

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "verification_expires_at",
                table: "bank_account",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)),
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone",
                oldNullable: true);
        }
    }
}
