using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clientele.Banking.Data.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientCode = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AmountKzt = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Transactions = table.Column<int>(type: "INTEGER", nullable: false),
                    ComputedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
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
                name: "IX_banking_client_monthly_spending_OrganizationId_ClientCode_Month_Category",
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
