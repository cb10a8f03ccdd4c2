import BillingAPI
import Foundation

/// Remembers the last `MonthlyTotals` so a frame does not re-add 100,000 invoices when only the
/// cursor moved. The key is the identity of the invoice array's storage: the cache keeps that
/// array alive, so its storage cannot be freed and reused for other invoices while it is the
/// key, and an array whose contents change gets new storage (copy on write). Drawing stays a
/// pure function of the state; the cache only skips repeating the same sum.
final class MonthlyTotalsCache: @unchecked Sendable {
    static let shared = MonthlyTotalsCache()

    private let lock = NSLock()
    private var invoices: [Invoice] = []
    private var today: BillingDate?
    private var currency: Currency?
    private var totals: MonthlyTotals?

    func totals(invoices new: [Invoice], today day: BillingDate, currency cur: Currency?) -> MonthlyTotals {
        lock.lock()
        if let totals, today == day, currency == cur, Self.sameStorage(invoices, new) {
            lock.unlock()
            return totals
        }
        lock.unlock()
        let computed = MonthlyTotals(invoices: new, today: day, currency: cur)
        lock.lock()
        invoices = new
        today = day
        currency = cur
        totals = computed
        lock.unlock()
        return computed
    }

    private static func sameStorage(_ a: [Invoice], _ b: [Invoice]) -> Bool {
        guard a.count == b.count, !a.isEmpty else { return false }
        let pa = a.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
        let pb = b.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
        return pa != nil && pa == pb
    }
}
