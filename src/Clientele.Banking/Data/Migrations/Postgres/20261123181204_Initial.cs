using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Clientele.Banking.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "banking_clients",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientCode = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Age = table.Column<int>(type: "integer", nullable: false),
                    City = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AvgMonthlyBalanceKzt = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_banking_clients", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "banking_outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DispatchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_banking_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "banking_transactions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientCode = table.Column<int>(type: "integer", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Category = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    AmountKzt = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_banking_transactions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "banking_transfers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientCode = table.Column<int>(type: "integer", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Direction = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    AmountKzt = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_banking_transfers", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_banking_clients_OrganizationId",
                table: "banking_clients",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_banking_clients_OrganizationId_ClientCode",
                table: "banking_clients",
                columns: new[] { "OrganizationId", "ClientCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_banking_outbox_DispatchedAt",
                table: "banking_outbox",
                column: "DispatchedAt");

            migrationBuilder.CreateIndex(
                name: "IX_banking_outbox_EventId",
                table: "banking_outbox",
                column: "EventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_banking_outbox_OrganizationId",
                table: "banking_outbox",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_banking_transactions_OrganizationId",
                table: "banking_transactions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_banking_transactions_OrganizationId_ClientCode",
                table: "banking_transactions",
                columns: new[] { "OrganizationId", "ClientCode" });

            migrationBuilder.CreateIndex(
                name: "IX_banking_transfers_OrganizationId",
                table: "banking_transfers",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_banking_transfers_OrganizationId_ClientCode",
                table: "banking_transfers",
                columns: new[] { "OrganizationId", "ClientCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "banking_clients");

            migrationBuilder.DropTable(
                name: "banking_outbox");

            migrationBuilder.DropTable(
                name: "banking_transactions");

            migrationBuilder.DropTable(
                name: "banking_transfers");
        }
    }
}
