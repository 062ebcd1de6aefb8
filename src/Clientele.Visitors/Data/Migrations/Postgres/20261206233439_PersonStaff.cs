using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clientele.Visitors.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PersonStaff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Staff",
                table: "visitors_persons",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Staff",
                table: "visitors_persons");
        }
    }
}
