using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Clientele.Banking.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StatsBuilder = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    StatsLeaseUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_banking_data_versions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "banking_population_stats",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DataVersion = table.Column<long>(type: "bigint", nullable: false),
                    Clients = table.Column<int>(type: "integer", nullable: false),
                    Signals = table.Column<int>(type: "integer", nullable: false),
                    Values = table.Column<byte[]>(type: "bytea", nullable: false),
                    BuiltAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
