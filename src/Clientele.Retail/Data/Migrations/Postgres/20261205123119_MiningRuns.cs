using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Clientele.Retail.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MiningRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "retail_mining_runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    JobId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MinSupport = table.Column<double>(type: "double precision", nullable: false),
                    MinConfidence = table.Column<double>(type: "double precision", nullable: false),
                    MinLift = table.Column<double>(type: "double precision", nullable: false),
                    MaxLength = table.Column<int>(type: "integer", nullable: false),
                    DateFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    DateTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Channel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    City = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CustomerSegment = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Baskets = table.Column<int>(type: "integer", nullable: false),
                    Itemsets = table.Column<long>(type: "bigint", nullable: false),
                    RulesFound = table.Column<int>(type: "integer", nullable: false),
                    Rules = table.Column<int>(type: "integer", nullable: false),
                    Seconds = table.Column<double>(type: "double precision", nullable: true),
                    Error = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    BundleModel = table.Column<byte[]>(type: "bytea", nullable: true),
                    BundleSkus = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_retail_mining_runs", x => x.Id);
                    table.UniqueConstraint("AK_retail_mining_runs_OrganizationId_RunId", x => new { x.OrganizationId, x.RunId });
                });

            migrationBuilder.CreateTable(
                name: "retail_rules",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    MiningRunId = table.Column<long>(type: "bigint", nullable: false),
                    Antecedents = table.Column<string>(type: "text", nullable: false),
                    Consequents = table.Column<string>(type: "text", nullable: false),
                    Length = table.Column<int>(type: "integer", nullable: false),
                    Support = table.Column<double>(type: "double precision", nullable: false),
                    Confidence = table.Column<double>(type: "double precision", nullable: false),
                    Lift = table.Column<double>(type: "double precision", nullable: false),
                    Leverage = table.Column<double>(type: "double precision", nullable: false),
                    Conviction = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_retail_rules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_retail_rules_retail_mining_runs_MiningRunId",
                        column: x => x.MiningRunId,
                        principalTable: "retail_mining_runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_retail_mining_runs_OrganizationId",
                table: "retail_mining_runs",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_retail_rules_MiningRunId_Lift",
                table: "retail_rules",
                columns: new[] { "MiningRunId", "Lift" });

            migrationBuilder.CreateIndex(
                name: "IX_retail_rules_OrganizationId",
                table: "retail_rules",
                column: "OrganizationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "retail_rules");

            migrationBuilder.DropTable(
                name: "retail_mining_runs");
        }
    }
}
