import BillingAPI

/// `get_billing_data`: the reference's fields plus the server's billing tags, named plainly.
enum BillingDataRules {
    static func billingData(_ ctx: ActionContext, _ state: inout SandboxState) -> JSONValue {
        guard let s = state.ownServerIndex(ctx.int("id"), clientID: ctx.clientID) else {
            return WireAnswer.failure("invalid request")
        }
        let server = state.servers[s]
        let customer = state.customers[ctx.customerIndex]
        let licenses: [JSONValue] = server.licenses.map {
            WireAnswer.object([("name", .string($0.name)), ("status", .string($0.active ? "Active" : "Cancelled")),
                               ("monthly_price", $0.monthlyPrice.number)])
        }
        return WireAnswer.ok([("action", "get_billing_data"), ("data", WireAnswer.object([
            ("account_id", .int(server.accountID)), ("type_billing", .string(customer.location.rawValue)),
            ("status", .string(server.status)), ("customer_name", .string(customer.displayName)),
            ("location", .string(server.datacenter)), ("server_id", .int(server.id)), ("hostname", .string(server.hostname)),
            ("product", .string(server.product)), ("deploy_date", .string(server.deployDate.text)),
            ("billing_period", .int(server.billingPeriodMonths)), ("recurring_amount", server.recurringAmount.string),
            ("currency", .string(customer.currency)), ("next_due_date", .string(server.nextDueDate.text)),
            ("traffic_used_gb", .int(server.trafficUsedGB)), ("traffic_limit_gb", .int(server.trafficLimitGB)),
            ("traffic_overage", .bool(server.trafficOverage)), ("licenses", .array(licenses)),
            ("subscription", .bool(server.subscription)), ("upgrade_pending", .bool(server.upgradePending)),
            ("cancellation_requested", .bool(state.openRequestIndex(server: server.id) != nil)),
        ]))])
    }
}
