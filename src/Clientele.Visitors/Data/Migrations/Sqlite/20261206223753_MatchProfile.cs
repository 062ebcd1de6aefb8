using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clientele.Visitors.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MatchProfile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<float>(
                name: "ConfidentDistance",
                table: "visitors_settings",
                type: "REAL",
                nullable: false,
                defaultValue: 0.5f);

            migrationBuilder.AddColumn<int>(
                name: "ConfirmAfterVisits",
                table: "visitors_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.AddColumn<int>(
                name: "ExemplarCap",
                table: "visitors_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 12);

            migrationBuilder.AddColumn<float>(
                name: "Margin",
                table: "visitors_settings",
                type: "REAL",
                nullable: false,
                defaultValue: 0.1f);

            migrationBuilder.AddColumn<string>(
                name: "Metric",
                table: "visitors_settings",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Euclidean");

            migrationBuilder.AddColumn<float>(
                name: "ProbableDistance",
                table: "visitors_settings",
                type: "REAL",
                nullable: false,
                defaultValue: 0.6f);

            migrationBuilder.AddColumn<int>(
                name: "ProfileVersion",
                table: "visitors_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "RecentWindowMinutes",
                table: "visitors_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 30);

            migrationBuilder.AddColumn<int>(
                name: "StayGapSeconds",
                table: "visitors_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 120);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ConfidentDistance",
                table: "visitors_settings");

            migrationBuilder.DropColumn(
                name: "ConfirmAfterVisits",
                table: "visitors_settings");

            migrationBuilder.DropColumn(
                name: "ExemplarCap",
                table: "visitors_settings");

            migrationBuilder.DropColumn(
                name: "Margin",
                table: "visitors_settings");

            migrationBuilder.DropColumn(
                name: "Metric",
                table: "visitors_settings");

            migrationBuilder.DropColumn(
                name: "ProbableDistance",
                table: "visitors_settings");

            migrationBuilder.DropColumn(
                name: "ProfileVersion",
                table: "visitors_settings");

            migrationBuilder.DropColumn(
                name: "RecentWindowMinutes",
                table: "visitors_settings");

            migrationBuilder.DropColumn(
                name: "StayGapSeconds",
                table: "visitors_settings");
        }
    }
}
