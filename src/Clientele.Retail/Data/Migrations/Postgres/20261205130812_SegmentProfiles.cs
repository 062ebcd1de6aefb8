using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Clientele.Retail.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Segment = table.Column<int>(type: "integer", nullable: false),
                    Label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Customers = table.Column<int>(type: "integer", nullable: false),
                    MeanRecencyDays = table.Column<double>(type: "double precision", nullable: false),
                    MedianRecencyDays = table.Column<double>(type: "double precision", nullable: false),
                    MeanFrequency = table.Column<double>(type: "double precision", nullable: false),
                    MedianFrequency = table.Column<double>(type: "double precision", nullable: false),
                    MeanMonetary = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false),
                    MedianMonetary = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false),
                    Revenue = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false),
                    RevenueShare = table.Column<double>(type: "double precision", nullable: false),
                    RecencyScore = table.Column<double>(type: "double precision", nullable: false),
                    ValueScore = table.Column<double>(type: "double precision", nullable: false),
                    Clusters = table.Column<int>(type: "integer", nullable: false),
                    Silhouette = table.Column<double>(type: "double precision", nullable: false),
                    ReferenceDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
