using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Clientele.Churn.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "churn_alerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<int>(type: "integer", nullable: true),
                    AlertType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Message = table.Column<string>(type: "text", nullable: false),
                    WasSent = table.Column<bool>(type: "boolean", nullable: false),
                    ErrorMessage = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_churn_alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "churn_customers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SearchText = table.Column<string>(type: "character varying(488)", maxLength: 488, nullable: false),
                    Age = table.Column<int>(type: "integer", nullable: false),
                    Tenure = table.Column<int>(type: "integer", nullable: false),
                    Balance = table.Column<double>(type: "double precision", nullable: false),
                    Products = table.Column<int>(type: "integer", nullable: false),
                    CreditCard = table.Column<bool>(type: "boolean", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    Salary = table.Column<double>(type: "double precision", nullable: false),
                    Churned = table.Column<bool>(type: "boolean", nullable: true),
                    ChurnedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RiskScore = table.Column<double>(type: "double precision", nullable: true),
                    ModelVersion = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    LastUpdated = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_churn_customers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "churn_model_versions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TrainedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    CvAuc = table.Column<double>(type: "double precision", nullable: false),
                    CvAucSd = table.Column<double>(type: "double precision", nullable: false),
                    MetricsJson = table.Column<string>(type: "text", nullable: false),
                    ImportanceJson = table.Column<string>(type: "text", nullable: false),
                    BaselineJson = table.Column<string>(type: "text", nullable: false),
                    Decision = table.Column<string>(type: "text", nullable: false),
                    JobId = table.Column<Guid>(type: "uuid", nullable: true),
                    Model = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_churn_model_versions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "churn_outbox",
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
                    table.PrimaryKey("PK_churn_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "churn_refresh_tokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    FamilyId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_churn_refresh_tokens", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "churn_signing_keys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProtectedSecret = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_churn_signing_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "churn_risk_history",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    Timestamp = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    ModelVersion = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FeaturesJson = table.Column<string>(type: "text", nullable: false),
                    FactorsJson = table.Column<string>(type: "text", nullable: false),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_churn_risk_history", x => x.Id);
                    table.ForeignKey(
                        name: "FK_churn_risk_history_churn_customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "churn_customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_churn_alerts_OrganizationId",
                table: "churn_alerts",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_churn_alerts_OrganizationId_CreatedAt",
                table: "churn_alerts",
                columns: new[] { "OrganizationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_churn_alerts_OrganizationId_CustomerId_AlertType_CreatedAt",
                table: "churn_alerts",
                columns: new[] { "OrganizationId", "CustomerId", "AlertType", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_churn_customers_OrganizationId",
                table: "churn_customers",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_churn_customers_OrganizationId_Email",
                table: "churn_customers",
                columns: new[] { "OrganizationId", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_churn_customers_OrganizationId_RiskScore",
                table: "churn_customers",
                columns: new[] { "OrganizationId", "RiskScore" });

            migrationBuilder.CreateIndex(
                name: "IX_churn_model_versions_OrganizationId",
                table: "churn_model_versions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_churn_model_versions_OrganizationId_Version",
                table: "churn_model_versions",
                columns: new[] { "OrganizationId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_churn_outbox_DispatchedAt",
                table: "churn_outbox",
                column: "DispatchedAt");

            migrationBuilder.CreateIndex(
                name: "IX_churn_outbox_EventId",
                table: "churn_outbox",
                column: "EventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_churn_outbox_OrganizationId",
                table: "churn_outbox",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_churn_refresh_tokens_OrganizationId",
                table: "churn_refresh_tokens",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_churn_refresh_tokens_OrganizationId_FamilyId",
                table: "churn_refresh_tokens",
                columns: new[] { "OrganizationId", "FamilyId" });

            migrationBuilder.CreateIndex(
                name: "IX_churn_risk_history_CustomerId",
                table: "churn_risk_history",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_churn_risk_history_OrganizationId",
                table: "churn_risk_history",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_churn_risk_history_OrganizationId_CustomerId_Timestamp",
                table: "churn_risk_history",
                columns: new[] { "OrganizationId", "CustomerId", "Timestamp" });

            migrationBuilder.CreateIndex(
                name: "IX_churn_risk_history_OrganizationId_Day",
                table: "churn_risk_history",
                columns: new[] { "OrganizationId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_churn_signing_keys_OrganizationId",
                table: "churn_signing_keys",
                column: "OrganizationId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "churn_alerts");

            migrationBuilder.DropTable(
                name: "churn_model_versions");

            migrationBuilder.DropTable(
                name: "churn_outbox");

            migrationBuilder.DropTable(
                name: "churn_refresh_tokens");

            migrationBuilder.DropTable(
                name: "churn_risk_history");

            migrationBuilder.DropTable(
                name: "churn_signing_keys");

            migrationBuilder.DropTable(
                name: "churn_customers");
        }
    }
}
