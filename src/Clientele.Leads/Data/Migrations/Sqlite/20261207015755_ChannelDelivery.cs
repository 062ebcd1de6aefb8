using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clientele.Leads.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChannelDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DeliveredAt",
                table: "leads_messages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DeliveryAttempts",
                table: "leads_messages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "DeliveryError",
                table: "leads_messages",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeliveryStatus",
                table: "leads_messages",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TelegramBotToken",
                table: "leads_channel_secrets",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WhatsAppAccessToken",
                table: "leads_channel_secrets",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DeliveredAt",
                table: "leads_messages");

            migrationBuilder.DropColumn(
                name: "DeliveryAttempts",
                table: "leads_messages");

            migrationBuilder.DropColumn(
                name: "DeliveryError",
                table: "leads_messages");

            migrationBuilder.DropColumn(
                name: "DeliveryStatus",
                table: "leads_messages");

            migrationBuilder.DropColumn(
                name: "TelegramBotToken",
                table: "leads_channel_secrets");

            migrationBuilder.DropColumn(
                name: "WhatsAppAccessToken",
                table: "leads_channel_secrets");
        }
    }
}
