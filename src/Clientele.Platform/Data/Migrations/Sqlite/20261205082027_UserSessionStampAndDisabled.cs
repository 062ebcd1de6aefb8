using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clientele.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UserSessionStampAndDisabled : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DisabledAt",
                table: "platform_users",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SessionStamp",
                table: "platform_users",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DisabledAt",
                table: "platform_users");

            migrationBuilder.DropColumn(
                name: "SessionStamp",
                table: "platform_users");
        }
    }
}
