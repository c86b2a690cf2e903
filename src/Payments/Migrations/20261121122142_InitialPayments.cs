using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PaymentFunctions.Payments.Migrations
{
    /// <inheritdoc />
    public partial class InitialPayments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "payments");

            migrationBuilder.CreateTable(
                name: "payments",
                schema: "payments",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    amount_mxn = table.Column<decimal>(type: "numeric(18,2)", nullable: false),
                    buyer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    buyer_refund_clabe = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    seller_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    seller_clabe = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    seller_bank_account_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    deposit_clabe = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    custody_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    required_approvals = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    deposit_transaction_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    idempotency_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "approvals",
                schema: "payments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    payment_id = table.Column<string>(type: "character varying(30)", nullable: false),
                    approver = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_approvals", x => x.id);
                    table.ForeignKey(
                        name: "fk_approvals_payment_id",
                        column: x => x.payment_id,
                        principalSchema: "payments",
                        principalTable: "payments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "escrows",
                schema: "payments",
                columns: table => new
                {
                    payment_id = table.Column<string>(type: "character varying(30)", nullable: false),
                    on_chain_id = table.Column<string>(type: "character varying(78)", maxLength: 78, nullable: false),
                    contract_address = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    payer_address = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    payee_address = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    amount_base_units = table.Column<decimal>(type: "numeric(78,0)", nullable: false),
                    approve_transaction_hash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: false),
                    create_transaction_hash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: false),
                    release_transaction_hash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: true),
                    refund_transaction_hash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_escrows", x => x.payment_id);
                    table.ForeignKey(
                        name: "fk_escrows_payment_id",
                        column: x => x.payment_id,
                        principalSchema: "payments",
                        principalTable: "payments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ledger_transactions",
                schema: "payments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    payment_id = table.Column<string>(type: "character varying(30)", nullable: false),
                    key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    movement = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_transactions", x => x.id);
                    table.ForeignKey(
                        name: "fk_ledger_transactions_payment_id",
                        column: x => x.payment_id,
                        principalSchema: "payments",
                        principalTable: "payments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "timeline_events",
                schema: "payments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    payment_id = table.Column<string>(type: "character varying(30)", nullable: false),
                    key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    data = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_timeline_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_timeline_events_payment_id",
                        column: x => x.payment_id,
                        principalSchema: "payments",
                        principalTable: "payments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ledger_entries",
                schema: "payments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    transaction_id = table.Column<long>(type: "bigint", nullable: false),
                    account = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_ledger_entries_transaction_id",
                        column: x => x.transaction_id,
                        principalSchema: "payments",
                        principalTable: "ledger_transactions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ux_approvals_payment_id_approver",
                schema: "payments",
                table: "approvals",
                columns: new[] { "payment_id", "approver" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_escrows_status",
                schema: "payments",
                table: "escrows",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_account",
                schema: "payments",
                table: "ledger_entries",
                column: "account");

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_transaction_id",
                schema: "payments",
                table: "ledger_entries",
                column: "transaction_id");

            migrationBuilder.CreateIndex(
                name: "ux_ledger_transactions_payment_id_key",
                schema: "payments",
                table: "ledger_transactions",
                columns: new[] { "payment_id", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payments_deposit_clabe_status",
                schema: "payments",
                table: "payments",
                columns: new[] { "deposit_clabe", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_status_updated_at",
                schema: "payments",
                table: "payments",
                columns: new[] { "status", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ux_payments_deposit_transaction_id",
                schema: "payments",
                table: "payments",
                column: "deposit_transaction_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_payments_idempotency_key",
                schema: "payments",
                table: "payments",
                column: "idempotency_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_timeline_events_payment_id_key",
                schema: "payments",
                table: "timeline_events",
                columns: new[] { "payment_id", "key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "approvals",
                schema: "payments");

            migrationBuilder.DropTable(
                name: "escrows",
                schema: "payments");

            migrationBuilder.DropTable(
                name: "ledger_entries",
                schema: "payments");

            migrationBuilder.DropTable(
                name: "timeline_events",
                schema: "payments");

            migrationBuilder.DropTable(
                name: "ledger_transactions",
                schema: "payments");

            migrationBuilder.DropTable(
                name: "payments",
                schema: "payments");
        }
    }
}
