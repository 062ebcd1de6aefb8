using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clientele.Banking.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PopulationStats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "banking_data_versions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StatsBuilder = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    StatsLeaseUntil = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_banking_data_versions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "banking_population_stats",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DataVersion = table.Column<long>(type: "INTEGER", nullable: false),
                    Clients = table.Column<int>(type: "INTEGER", nullable: false),
                    Signals = table.Column<int>(type: "INTEGER", nullable: false),
                    Values = table.Column<byte[]>(type: "BLOB", nullable: false),
                    BuiltAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_banking_population_stats", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_banking_data_versions_OrganizationId",
                table: "banking_data_versions",
                column: "OrganizationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_banking_population_stats_OrganizationId",
                table: "banking_population_stats",
                column: "OrganizationId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "banking_data_versions");

            migrationBuilder.DropTable(
                name: "banking_population_stats");
        }
    }
}
