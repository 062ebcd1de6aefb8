using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Clientele.Visitors.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "visitors_audit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_visitors_audit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "visitors_carts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    VisitId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_visitors_carts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "visitors_devices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    KeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_visitors_devices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "visitors_outbox",
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
                    table.PrimaryKey("PK_visitors_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "visitors_persons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    FullName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PhoneNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Image = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Age = table.Column<int>(type: "integer", nullable: true),
                    Gender = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Emotion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    BodyType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    EntryTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ExitTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ConfidentVisits = table.Column<int>(type: "integer", nullable: false),
                    FirstSeen = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastSeen = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Consent = table.Column<bool>(type: "boolean", nullable: false),
                    ConsentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_visitors_persons", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "visitors_products",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_visitors_products", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "visitors_settings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PrivateKey = table.Column<string>(type: "character varying(25)", maxLength: 25, nullable: false),
                    BiometricMode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RetentionDays = table.Column<int>(type: "integer", nullable: false),
                    RequireConsentForNames = table.Column<bool>(type: "boolean", nullable: false),
                    GalleryVersion = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_visitors_settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "visitors_sightings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    VisitId = table.Column<Guid>(type: "uuid", nullable: false),
                    DeviceId = table.Column<Guid>(type: "uuid", nullable: true),
                    Decision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Distance = table.Column<float>(type: "real", nullable: true),
                    NearestPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    SecondDistance = table.Column<float>(type: "real", nullable: true),
                    SecondPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    Margin = table.Column<float>(type: "real", nullable: true),
                    ProfileVersion = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_visitors_sightings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "visitors_visits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    EntryTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExitTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Frames = table.Column<int>(type: "integer", nullable: false),
                    Returning = table.Column<bool>(type: "boolean", nullable: false),
                    Probable = table.Column<bool>(type: "boolean", nullable: false),
                    Age = table.Column<int>(type: "integer", nullable: true),
                    Gender = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Emotion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    BodyType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_visitors_visits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "visitors_exemplars",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    VisitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Vector = table.Column<byte[]>(type: "bytea", maxLength: 512, nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_visitors_exemplars", x => x.Id);
                    table.ForeignKey(
                        name: "FK_visitors_exemplars_visitors_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "visitors_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "visitors_cart_products",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CartId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_visitors_cart_products", x => x.Id);
                    table.ForeignKey(
                        name: "FK_visitors_cart_products_visitors_carts_CartId",
                        column: x => x.CartId,
                        principalTable: "visitors_carts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_visitors_cart_products_visitors_products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "visitors_products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_visitors_audit_OrganizationId",
                table: "visitors_audit",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_visitors_audit_OrganizationId_At",
                table: "visitors_audit",
                columns: new[] { "OrganizationId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_visitors_cart_products_CartId",
                table: "visitors_cart_products",
                column: "CartId");

            migrationBuilder.CreateIndex(
                name: "IX_visitors_cart_products_OrganizationId",
                table: "visitors_cart_products",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_visitors_cart_products_OrganizationId_CartId",
                table: "visitors_cart_products",
                columns: new[] { "OrganizationId", "CartId" });

            migrationBuilder.CreateIndex(
                name: "IX_visitors_cart_products_ProductId",
                table: "visitors_cart_products",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_visitors_carts_OrganizationId",
                table: "visitors_carts",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_visitors_carts_OrganizationId_PersonId",
                table: "visitors_carts",
                columns: new[] { "OrganizationId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_visitors_devices_KeyHash",
                table: "visitors_devices",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_visitors_devices_OrganizationId",
                table: "visitors_devices",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_visitors_exemplars_OrganizationId",
                table: "visitors_exemplars",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_visitors_exemplars_OrganizationId_AddedAt",
                table: "visitors_exemplars",
                columns: new[] { "OrganizationId", "AddedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_visitors_exemplars_OrganizationId_PersonId",
                table: "visitors_exemplars",
                columns: new[] { "OrganizationId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_visitors_exemplars_PersonId",
                table: "visitors_exemplars",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_visitors_outbox_DispatchedAt",
                table: "visitors_outbox",
                column: "DispatchedAt");

            migrationBuilder.CreateIndex(
                name: "IX_visitors_outbox_EventId",
                table: "visitors_outbox",
                column: "EventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_visitors_outbox_OrganizationId",
                table: "visitors_outbox",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_visitors_persons_OrganizationId",
                table: "visitors_persons",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_visitors_persons_OrganizationId_CreatedAt",
                table: "visitors_persons",
                columns: new[] { "OrganizationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_visitors_products_OrganizationId",
                table: "visitors_products",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_visitors_settings_OrganizationId",
                table: "visitors_settings",
                column: "OrganizationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_visitors_settings_PrivateKey",
                table: "visitors_settings",
                column: "PrivateKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_visitors_sightings_OrganizationId",
                table: "visitors_sightings",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_visitors_sightings_OrganizationId_At",
                table: "visitors_sightings",
                columns: new[] { "OrganizationId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_visitors_sightings_OrganizationId_PersonId",
                table: "visitors_sightings",
                columns: new[] { "OrganizationId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_visitors_visits_OrganizationId",
                table: "visitors_visits",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_visitors_visits_OrganizationId_EntryTime",
                table: "visitors_visits",
                columns: new[] { "OrganizationId", "EntryTime" });

            migrationBuilder.CreateIndex(
                name: "IX_visitors_visits_OrganizationId_PersonId",
                table: "visitors_visits",
                columns: new[] { "OrganizationId", "PersonId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "visitors_audit");

            migrationBuilder.DropTable(
                name: "visitors_cart_products");

            migrationBuilder.DropTable(
                name: "visitors_devices");

            migrationBuilder.DropTable(
                name: "visitors_exemplars");

            migrationBuilder.DropTable(
                name: "visitors_outbox");

            migrationBuilder.DropTable(
                name: "visitors_settings");

            migrationBuilder.DropTable(
                name: "visitors_sightings");

            migrationBuilder.DropTable(
                name: "visitors_visits");

            migrationBuilder.DropTable(
                name: "visitors_carts");

            migrationBuilder.DropTable(
                name: "visitors_products");

            migrationBuilder.DropTable(
                name: "visitors_persons");
        }
    }
}
