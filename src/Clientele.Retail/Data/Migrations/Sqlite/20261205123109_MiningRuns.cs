using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clientele.Retail.Data.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RunId = table.Column<int>(type: "INTEGER", nullable: false),
                    JobId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MinSupport = table.Column<double>(type: "REAL", nullable: false),
                    MinConfidence = table.Column<double>(type: "REAL", nullable: false),
                    MinLift = table.Column<double>(type: "REAL", nullable: false),
                    MaxLength = table.Column<int>(type: "INTEGER", nullable: false),
                    DateFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DateTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CustomerSegment = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Baskets = table.Column<int>(type: "INTEGER", nullable: false),
                    Itemsets = table.Column<long>(type: "INTEGER", nullable: false),
                    RulesFound = table.Column<int>(type: "INTEGER", nullable: false),
                    Rules = table.Column<int>(type: "INTEGER", nullable: false),
                    Seconds = table.Column<double>(type: "REAL", nullable: true),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    BundleModel = table.Column<byte[]>(type: "BLOB", nullable: true),
                    BundleSkus = table.Column<string>(type: "TEXT", nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MiningRunId = table.Column<long>(type: "INTEGER", nullable: false),
                    Antecedents = table.Column<string>(type: "TEXT", nullable: false),
                    Consequents = table.Column<string>(type: "TEXT", nullable: false),
                    Length = table.Column<int>(type: "INTEGER", nullable: false),
                    Support = table.Column<double>(type: "REAL", nullable: false),
                    Confidence = table.Column<double>(type: "REAL", nullable: false),
                    Lift = table.Column<double>(type: "REAL", nullable: false),
                    Leverage = table.Column<double>(type: "REAL", nullable: false),
                    Conviction = table.Column<double>(type: "REAL", nullable: true)
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
