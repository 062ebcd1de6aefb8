using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clientele.Platform.Events.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProtectedWebhookSecrets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
