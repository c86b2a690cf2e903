using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PaymentFunctions.Rules.Migrations
{
    /// <inheritdoc />
    public partial class SpendReservedIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_spend_reserved_amount",
                schema: "rules",
                table: "spend",
                column: "amount",
                filter: "status = 'Reserved'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_spend_reserved_amount",
                schema: "rules",
                table: "spend");
        }
    }
}
