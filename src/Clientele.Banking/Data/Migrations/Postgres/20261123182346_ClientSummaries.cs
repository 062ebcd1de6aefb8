using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Clientele.Banking.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClientSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "banking_client_monthly_spending",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientCode = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Category = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AmountKzt = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Transactions = table.Column<int>(type: "integer", nullable: false),
                    ComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_banking_client_monthly_spending", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_banking_client_monthly_spending_OrganizationId",
                table: "banking_client_monthly_spending",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_banking_client_monthly_spending_OrganizationId_ClientCode_M~",
                table: "banking_client_monthly_spending",
                columns: new[] { "OrganizationId", "ClientCode", "Month", "Category" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "banking_client_monthly_spending");
        }
    }
}
