using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Payouts.NotificationService.Data.Migrations
{
    /// <inheritdoc />
    public partial class PerUserReadMarks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "notification_reads",
                columns: table => new
                {
                    notification_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_reads", x => new { x.notification_id, x.user_id });
                    table.ForeignKey(
                        name: "FK_notification_reads_notifications_notification_id",
                        column: x => x.notification_id,
                        principalTable: "notifications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // A user's own notification keeps its mark. A company's had one mark for all members and no reader
            // recorded: it starts unread for each of them.
            migrationBuilder.Sql("""
                INSERT INTO notification_reads (notification_id, user_id, read_at)
                SELECT id, user_id, read_at FROM notifications WHERE read_at IS NOT NULL AND user_id IS NOT NULL
                """);

            migrationBuilder.DropColumn(
                name: "read_at",
                table: "notifications");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notification_reads");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "read_at",
                table: "notifications",
                type: "timestamp with time zone",
                nullable: true);
        }
    }
}
