using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Clientele.Banking.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClientFeatures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "banking_client_features",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientCode = table.Column<int>(type: "integer", nullable: false),
                    DataVersion = table.Column<long>(type: "bigint", nullable: false),
                    Features = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_banking_client_features", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_banking_client_features_OrganizationId",
                table: "banking_client_features",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_banking_client_features_OrganizationId_ClientCode",
                table: "banking_client_features",
                columns: new[] { "OrganizationId", "ClientCode" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "banking_client_features");
        }
    }
}
