using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Clientele.Leads.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "leads_niches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CplTarget = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    RoiTarget = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leads_niches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "leads_outbox",
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
                    table.PrimaryKey("PK_leads_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "leads_campaigns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    NicheId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Platform = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Budget = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leads_campaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_leads_campaigns_leads_niches_NicheId",
                        column: x => x.NicheId,
                        principalTable: "leads_niches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "leads_ads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ExternalId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Price = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leads_ads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_leads_ads_leads_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "leads_campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "leads_leads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AdId = table.Column<Guid>(type: "uuid", nullable: true),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: true),
                    NicheId = table.Column<Guid>(type: "uuid", nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    PhoneE164 = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PlatformUserId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Budget = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StatusSetByHuman = table.Column<bool>(type: "boolean", nullable: false),
                    QualityScore = table.Column<int>(type: "integer", nullable: true),
                    Qualification = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leads_leads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_leads_leads_leads_ads_AdId",
                        column: x => x.AdId,
                        principalTable: "leads_ads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_leads_leads_leads_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "leads_campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_leads_leads_leads_niches_NicheId",
                        column: x => x.NicheId,
                        principalTable: "leads_niches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "leads_spend",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    AdId = table.Column<Guid>(type: "uuid", nullable: true),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leads_spend", x => x.Id);
                    table.ForeignKey(
                        name: "FK_leads_spend_leads_ads_AdId",
                        column: x => x.AdId,
                        principalTable: "leads_ads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_leads_spend_leads_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "leads_campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "leads_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    LeadId = table.Column<Guid>(type: "uuid", nullable: false),
                    Message = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Sender = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Platform = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Step = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    PlatformMessageId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leads_messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_leads_messages_leads_leads_LeadId",
                        column: x => x.LeadId,
                        principalTable: "leads_leads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_leads_ads_CampaignId",
                table: "leads_ads",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_leads_ads_OrganizationId",
                table: "leads_ads",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_leads_campaigns_NicheId",
                table: "leads_campaigns",
                column: "NicheId");

            migrationBuilder.CreateIndex(
                name: "IX_leads_campaigns_OrganizationId",
                table: "leads_campaigns",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_leads_leads_AdId",
                table: "leads_leads",
                column: "AdId");

            migrationBuilder.CreateIndex(
                name: "IX_leads_leads_CampaignId",
                table: "leads_leads",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_leads_leads_NicheId",
                table: "leads_leads",
                column: "NicheId");

            migrationBuilder.CreateIndex(
                name: "IX_leads_leads_OrganizationId",
                table: "leads_leads",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_leads_leads_OrganizationId_PhoneE164",
                table: "leads_leads",
                columns: new[] { "OrganizationId", "PhoneE164" });

            migrationBuilder.CreateIndex(
                name: "IX_leads_leads_OrganizationId_Source_PlatformUserId",
                table: "leads_leads",
                columns: new[] { "OrganizationId", "Source", "PlatformUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_leads_messages_LeadId_CreatedAt",
                table: "leads_messages",
                columns: new[] { "LeadId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_leads_messages_OrganizationId",
                table: "leads_messages",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_leads_messages_OrganizationId_Platform_PlatformMessageId",
                table: "leads_messages",
                columns: new[] { "OrganizationId", "Platform", "PlatformMessageId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_leads_niches_OrganizationId",
                table: "leads_niches",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_leads_outbox_DispatchedAt",
                table: "leads_outbox",
                column: "DispatchedAt");

            migrationBuilder.CreateIndex(
                name: "IX_leads_outbox_EventId",
                table: "leads_outbox",
                column: "EventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_leads_outbox_OrganizationId",
                table: "leads_outbox",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_leads_spend_AdId",
                table: "leads_spend",
                column: "AdId");

            migrationBuilder.CreateIndex(
                name: "IX_leads_spend_CampaignId",
                table: "leads_spend",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_leads_spend_OrganizationId",
                table: "leads_spend",
                column: "OrganizationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "leads_messages");

            migrationBuilder.DropTable(
                name: "leads_outbox");

            migrationBuilder.DropTable(
                name: "leads_spend");

            migrationBuilder.DropTable(
                name: "leads_leads");

            migrationBuilder.DropTable(
                name: "leads_ads");

            migrationBuilder.DropTable(
                name: "leads_campaigns");

            migrationBuilder.DropTable(
                name: "leads_niches");
        }
    }
}
