using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PaymentFunctions.Rules.Migrations
{
    /// <inheritdoc />
    public partial class InitialRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "rules");

            migrationBuilder.CreateTable(
                name: "audit_log",
                schema: "rules",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    execution_id = table.Column<string>(type: "text", nullable: true),
                    rule_id = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    pre_state = table.Column<string>(type: "text", nullable: false),
                    details = table.Column<string>(type: "text", nullable: false),
                    post_state = table.Column<string>(type: "text", nullable: false),
                    previous_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_log", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "history",
                schema: "rules",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    rule_id = table.Column<string>(type: "text", nullable: false),
                    execution_id = table.Column<string>(type: "text", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    limit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    detail = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_history", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rules",
                schema: "rules",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    definition_json = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rules", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "spend",
                schema: "rules",
                columns: table => new
                {
                    execution_id = table.Column<string>(type: "text", nullable: false),
                    transfer_index = table.Column<int>(type: "integer", nullable: false),
                    rule_id = table.Column<string>(type: "text", nullable: false),
                    recipient = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(38,6)", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_spend", x => new { x.execution_id, x.transfer_index });
                });

            migrationBuilder.CreateTable(
                name: "executions",
                schema: "rules",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    rule_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    rule_revision = table.Column<int>(type: "integer", nullable: false),
                    mode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    requested_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    total = table.Column<decimal>(type: "numeric(38,6)", nullable: false),
                    pre_state = table.Column<string>(type: "text", nullable: true),
                    post_state = table.Column<string>(type: "text", nullable: true),
                    reason = table.Column<string>(type: "text", nullable: true),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_executions", x => x.id);
                    table.ForeignKey(
                        name: "fk_executions_rule_id",
                        column: x => x.rule_id,
                        principalSchema: "rules",
                        principalTable: "rules",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "approvals",
                schema: "rules",
                columns: table => new
                {
                    execution_id = table.Column<string>(type: "character varying(60)", nullable: false),
                    approver = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    approved = table.Column<bool>(type: "boolean", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_approvals", x => new { x.execution_id, x.approver });
                    table.ForeignKey(
                        name: "fk_approvals_execution_id",
                        column: x => x.execution_id,
                        principalSchema: "rules",
                        principalTable: "executions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_executions_rule_id_requested_at",
                schema: "rules",
                table: "executions",
                columns: new[] { "rule_id", "requested_at" });

            migrationBuilder.CreateIndex(
                name: "ix_history_rule_id_id",
                schema: "rules",
                table: "history",
                columns: new[] { "rule_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_spend_day_recipient",
                schema: "rules",
                table: "spend",
                columns: new[] { "day", "recipient" });

            migrationBuilder.CreateIndex(
                name: "ix_spend_rule_id_at",
                schema: "rules",
                table: "spend",
                columns: new[] { "rule_id", "at" });

            // Append-only: the audit log refuses UPDATE and DELETE; the hash chain finds rows changed behind this.
            migrationBuilder.Sql("""
                CREATE FUNCTION rules.audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'rules.audit_log is append-only';
                END $$;
                CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON rules.audit_log
                    FOR EACH STATEMENT EXECUTE FUNCTION rules.audit_log_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_log_append_only ON rules.audit_log; DROP FUNCTION IF EXISTS rules.audit_log_append_only();");
            migrationBuilder.DropTable(
                name: "approvals",
                schema: "rules");

            migrationBuilder.DropTable(
                name: "audit_log",
                schema: "rules");

            migrationBuilder.DropTable(
                name: "history",
                schema: "rules");

            migrationBuilder.DropTable(
                name: "spend",
                schema: "rules");

            migrationBuilder.DropTable(
                name: "executions",
                schema: "rules");

            migrationBuilder.DropTable(
                name: "rules",
                schema: "rules");
        }
    }
}
