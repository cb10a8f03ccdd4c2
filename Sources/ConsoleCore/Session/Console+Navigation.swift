import Foundation
import BillingAPI

// MARK: - Cursor movement, opening, going back, copy and download

extension Console {
    mutating func move(_ delta: Int) -> [Effect] {
        switch focus {
        case .invoices: list.move(by: delta)
        case .detail:
            // Up/down pick the link to copy when there are links; pages, top/bottom (and up/down
            // without links) scroll the detail.
            guard var d = detail else { return [] }
            let n = d.links.count
            if abs(delta) == 1 && n > 0 {
                d.linkCursor = min(max(0, d.linkCursor + delta), n - 1)
            } else {
                d.scroll(by: delta)
            }
            detail = d
        case .profile:
            let n = customer.contacts.value?.contacts.count ?? 0
            contactCursor = n == 0 ? 0 : min(max(0, contactCursor + max(-n, min(n, delta))), n - 1)
        }
        return []
    }

    mutating func activate() -> [Effect] {
        switch focus {
        case .invoices:
            guard let inv = list.selected else { return [] }
            return openInvoice(inv.id)
        case .profile:
            guard let c = selectedContact else { return [] }
            return startContactForm(id: c.id)
        case .detail: return []
        }
    }

    mutating func back() -> [Effect] {
        if modal != nil { modal = nil; return [] }
        if isEditingFilter { isEditingFilter = false; return [] }
        if focus == .detail { closeInvoice(); return [] }
        if !list.filter.isEmpty { list.setFilter(InvoiceFilter()); return [] }
        return []
    }

    var selectedContact: Contact? {
        let cs = customer.contacts.value?.contacts ?? []
        return cs.indices.contains(contactCursor) ? cs[contactCursor] : nil
    }

    /// The invoice the payment keys act on: the open detail, else the list's selection.
    var targetInvoice: Invoice? {
        if focus == .detail, let d = detail { return d.invoice.value ?? list.invoice(id: d.invoiceID) }
        return list.selected
    }

    mutating func copySelection() -> [Effect] {
        if focus == .detail, let d = detail, d.links.indices.contains(d.linkCursor) {
            say(Messages.copied(d.links[d.linkCursor]))
            return [.frontEnd(.copy(d.links[d.linkCursor]))]
        }
        guard let inv = targetInvoice else { return [] }
        say(Messages.copied(String(inv.id)))
        return [.frontEnd(.copy(String(inv.id)))]
    }

    /// Downloading is a read; saving is a file effect that never overwrites (see `DiskFileSaver`).
    mutating func download(proforma: Bool) -> [Effect] {
        // The PDF needs only the id, so an open detail still loading is enough.
        let openID = focus == .detail ? detail?.invoiceID : nil
        guard let id = openID ?? targetInvoice?.id else { say(Messages.noInvoiceSelected, .warning); return [] }
        var effects: [Effect] = []
        if detail?.invoiceID != id { effects = openInvoice(id) }
        if detail?.downloading == true { return effects }
        detail?.downloading = true
        detail?.downloadMessage = Messages.downloading(id)
        let t = LoadTicket(scope: .invoice(id), generation: invoiceGeneration)
        return effects + [.read(.downloadInvoice(id: id, proforma: proforma), t)]
    }
}
