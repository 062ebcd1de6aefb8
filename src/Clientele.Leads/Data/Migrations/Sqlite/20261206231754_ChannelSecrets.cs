using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clientele.Leads.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChannelSecrets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "leads_channel_secrets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TelegramSecretTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    WhatsAppAppSecret = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    WhatsAppVerifyTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leads_channel_secrets", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_leads_channel_secrets_OrganizationId",
                table: "leads_channel_secrets",
                column: "OrganizationId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "leads_channel_secrets");
        }
    }
}
