using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clientele.Retail.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SegmentProfiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "retail_segment_profiles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Segment = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Customers = table.Column<int>(type: "INTEGER", nullable: false),
                    MeanRecencyDays = table.Column<double>(type: "REAL", nullable: false),
                    MedianRecencyDays = table.Column<double>(type: "REAL", nullable: false),
                    MeanFrequency = table.Column<double>(type: "REAL", nullable: false),
                    MedianFrequency = table.Column<double>(type: "REAL", nullable: false),
                    MeanMonetary = table.Column<decimal>(type: "TEXT", precision: 20, scale: 2, nullable: false),
                    MedianMonetary = table.Column<decimal>(type: "TEXT", precision: 20, scale: 2, nullable: false),
                    Revenue = table.Column<decimal>(type: "TEXT", precision: 20, scale: 2, nullable: false),
                    RevenueShare = table.Column<double>(type: "REAL", nullable: false),
                    RecencyScore = table.Column<double>(type: "REAL", nullable: false),
                    ValueScore = table.Column<double>(type: "REAL", nullable: false),
                    Clusters = table.Column<int>(type: "INTEGER", nullable: false),
                    Silhouette = table.Column<double>(type: "REAL", nullable: false),
                    ReferenceDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_retail_segment_profiles", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_retail_segment_profiles_OrganizationId",
                table: "retail_segment_profiles",
                column: "OrganizationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "retail_segment_profiles");
        }
    }
}
