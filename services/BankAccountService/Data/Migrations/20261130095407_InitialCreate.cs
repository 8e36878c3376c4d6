using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Payouts.BankAccountService.Data.Migrations
{
    // Squashes the former migrations InitialMessaging, BankAccountsAndBeneficiaries, BeneficiaryCompany and MicroDepositOutcome; the database it builds is the same as theirs.
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bank_account",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    uuid = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    company_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    bank_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    account_holder_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    account_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    account_number_ciphertext = table.Column<string>(type: "text", nullable: false),
                    routing_number_ciphertext = table.Column<string>(type: "text", nullable: true),
                    bank_code = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    account_number_tail = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    bank_identifier_tail = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    is_primary = table.Column<bool>(type: "boolean", nullable: false),
                    verification_status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    verification_id = table.Column<Guid>(type: "uuid", nullable: false),
                    micro_deposits_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    failed_verification_attempts = table.Column<int>(type: "integer", nullable: false),
                    verification_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    verified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    // Added later by ADD COLUMN in the squashed chain: kept last, in its order and with the DEFAULT it left, as the old chain built the table.
                    micro_deposits_failure_code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    micro_deposits_sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    verification_round = table.Column<int>(type: "integer", nullable: false, defaultValue: 1)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bank_account", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "beneficiary",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recipient_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    customer_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    customer_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    customer_nickname = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    country = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    address_city = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    address_county = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    address_postal_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    address_line_1 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    address_line_2 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    // Added later by ADD COLUMN in the squashed chain: kept last, in its order and with the DEFAULT it left, as the old chain built the table.
                    company_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_beneficiary", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inbox_state",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer_id = table.Column<string>(type: "text", nullable: false),
                    received_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_state", x => new { x.message_id, x.consumer_id });
                });

            migrationBuilder.CreateTable(
                name: "outbox_message",
                columns: table => new
                {
                    sequence_number = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    conversation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    correlation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    initiator_id = table.Column<Guid>(type: "uuid", nullable: true),
                    request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_address = table.Column<string>(type: "text", nullable: true),
                    destination_address = table.Column<string>(type: "text", nullable: false),
                    response_address = table.Column<string>(type: "text", nullable: true),
                    fault_address = table.Column<string>(type: "text", nullable: true),
                    message_type = table.Column<string>(type: "text", nullable: false),
                    content_type = table.Column<string>(type: "text", nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    headers = table.Column<string>(type: "jsonb", nullable: true),
                    properties = table.Column<string>(type: "jsonb", nullable: true),
                    sent_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    enqueue_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    expiration_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    delivery_attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_message", x => x.sequence_number);
                });

            migrationBuilder.CreateTable(
                name: "settlement_destination_audit",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    destination_id = table.Column<long>(type: "bigint", nullable: false),
                    requested_for = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    requested_by = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    full_details_disclosed = table.Column<bool>(type: "boolean", nullable: false),
                    not_payable_reason = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_settlement_destination_audit", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "beneficiary_details",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    beneficiary_id = table.Column<long>(type: "bigint", nullable: false),
                    user_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    bank_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    account_holder_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    account_number_ciphertext = table.Column<string>(type: "text", nullable: false),
                    routing_number_ciphertext = table.Column<string>(type: "text", nullable: true),
                    bank_code = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    account_number_tail = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    bank_identifier_tail = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_beneficiary_details", x => x.id);
                    table.ForeignKey(
                        name: "FK_beneficiary_details_beneficiary_beneficiary_id",
                        column: x => x.beneficiary_id,
                        principalTable: "beneficiary",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_bank_account_uuid",
                table: "bank_account",
                column: "uuid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_bank_account_user",
                table: "bank_account",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ux_bank_account_user_fingerprint_live",
                table: "bank_account",
                columns: new[] { "user_id", "fingerprint" },
                unique: true,
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_bank_account_user_primary_live",
                table: "bank_account",
                column: "user_id",
                unique: true,
                filter: "is_primary AND deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_beneficiary_user_id",
                table: "beneficiary",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ux_beneficiary_details_fingerprint_live",
                table: "beneficiary_details",
                columns: new[] { "beneficiary_id", "fingerprint" },
                unique: true,
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_inbox_state_received_at",
                table: "inbox_state",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_message_message_id",
                table: "outbox_message",
                column: "message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_settlement_destination_audit_kind_destination_id",
                table: "settlement_destination_audit",
                columns: new[] { "kind", "destination_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bank_account");

            migrationBuilder.DropTable(
                name: "beneficiary_details");

            migrationBuilder.DropTable(
                name: "inbox_state");

            migrationBuilder.DropTable(
                name: "outbox_message");

            migrationBuilder.DropTable(
                name: "settlement_destination_audit");

            migrationBuilder.DropTable(
                name: "beneficiary");
        }
    }
}
