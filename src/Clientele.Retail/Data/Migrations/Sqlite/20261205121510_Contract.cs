using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clientele.Retail.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Contract : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_retail_products_OrganizationId_Sku",
                table: "retail_products");

            migrationBuilder.AddUniqueConstraint(
                name: "AK_retail_products_OrganizationId_Sku",
                table: "retail_products",
                columns: new[] { "OrganizationId", "Sku" });

            migrationBuilder.CreateTable(
                name: "retail_customers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Gender = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Age = table.Column<int>(type: "INTEGER", nullable: false),
                    Dob = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IncomeLevel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ShoppingPreference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CustomerSegment = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_retail_customers", x => x.Id);
                    table.UniqueConstraint("AK_retail_customers_OrganizationId_CustomerId", x => new { x.OrganizationId, x.CustomerId });
                });

            migrationBuilder.CreateTable(
                name: "retail_imports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_retail_imports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "retail_timeframe",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TimeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_retail_timeframe", x => x.Id);
                    table.UniqueConstraint("AK_retail_timeframe_OrganizationId_TimeId", x => new { x.OrganizationId, x.TimeId });
                });

            migrationBuilder.CreateTable(
                name: "retail_import_files",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ImportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_retail_import_files", x => x.Id);
                    table.ForeignKey(
                        name: "FK_retail_import_files_retail_imports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "retail_imports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "retail_transactions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TransactionId = table.Column<int>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PaymentType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LinesTotal = table.Column<decimal>(type: "TEXT", precision: 20, scale: 2, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_retail_transactions", x => x.Id);
                    table.UniqueConstraint("AK_retail_transactions_OrganizationId_TransactionId", x => new { x.OrganizationId, x.TransactionId });
                    table.ForeignKey(
                        name: "FK_retail_transactions_retail_customers_OrganizationId_CustomerId",
                        columns: x => new { x.OrganizationId, x.CustomerId },
                        principalTable: "retail_customers",
                        principalColumns: new[] { "OrganizationId", "CustomerId" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_retail_transactions_retail_timeframe_OrganizationId_TimeId",
                        columns: x => new { x.OrganizationId, x.TimeId },
                        principalTable: "retail_timeframe",
                        principalColumns: new[] { "OrganizationId", "TimeId" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "retail_sales",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SaleId = table.Column<int>(type: "INTEGER", nullable: false),
                    TransactionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductSku = table.Column<int>(type: "INTEGER", nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitPrice = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    LineTotal = table.Column<decimal>(type: "TEXT", precision: 20, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_retail_sales", x => x.Id);
                    table.UniqueConstraint("AK_retail_sales_OrganizationId_SaleId", x => new { x.OrganizationId, x.SaleId });
                    table.ForeignKey(
                        name: "FK_retail_sales_retail_products_OrganizationId_ProductSku",
                        columns: x => new { x.OrganizationId, x.ProductSku },
                        principalTable: "retail_products",
                        principalColumns: new[] { "OrganizationId", "Sku" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_retail_sales_retail_transactions_OrganizationId_TransactionId",
                        columns: x => new { x.OrganizationId, x.TransactionId },
                        principalTable: "retail_transactions",
                        principalColumns: new[] { "OrganizationId", "TransactionId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_retail_products_OrganizationId_Category",
                table: "retail_products",
                columns: new[] { "OrganizationId", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_retail_customers_OrganizationId",
                table: "retail_customers",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_retail_import_files_ImportId",
                table: "retail_import_files",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_retail_import_files_OrganizationId",
                table: "retail_import_files",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_retail_imports_OrganizationId",
                table: "retail_imports",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_retail_sales_OrganizationId",
                table: "retail_sales",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_retail_sales_OrganizationId_ProductSku",
                table: "retail_sales",
                columns: new[] { "OrganizationId", "ProductSku" });

            migrationBuilder.CreateIndex(
                name: "IX_retail_sales_OrganizationId_TransactionId",
                table: "retail_sales",
                columns: new[] { "OrganizationId", "TransactionId" });

            migrationBuilder.CreateIndex(
                name: "IX_retail_timeframe_OrganizationId",
                table: "retail_timeframe",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_retail_timeframe_OrganizationId_Date",
                table: "retail_timeframe",
                columns: new[] { "OrganizationId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_retail_transactions_OrganizationId",
                table: "retail_transactions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_retail_transactions_OrganizationId_CustomerId",
                table: "retail_transactions",
                columns: new[] { "OrganizationId", "CustomerId" });

            migrationBuilder.CreateIndex(
                name: "IX_retail_transactions_OrganizationId_TimeId",
                table: "retail_transactions",
                columns: new[] { "OrganizationId", "TimeId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "retail_import_files");

            migrationBuilder.DropTable(
                name: "retail_sales");

            migrationBuilder.DropTable(
                name: "retail_imports");

            migrationBuilder.DropTable(
                name: "retail_transactions");

            migrationBuilder.DropTable(
                name: "retail_customers");

            migrationBuilder.DropTable(
                name: "retail_timeframe");

            migrationBuilder.DropUniqueConstraint(
                name: "AK_retail_products_OrganizationId_Sku",
                table: "retail_products");

            migrationBuilder.DropIndex(
                name: "IX_retail_products_OrganizationId_Category",
                table: "retail_products");

            migrationBuilder.CreateIndex(
                name: "IX_retail_products_OrganizationId_Sku",
                table: "retail_products",
                columns: new[] { "OrganizationId", "Sku" },
                unique: true);
        }
    }
}
