import Foundation
import BillingAPI

// MARK: - Turning keys into intents, by what has the keyboard

extension Console {
    mutating func handleKey(_ key: Key) -> [Effect] {
        if key == .resize { return [] }
        if confirm != nil { return confirmKey(key) }
        switch modal {
        case .palette(var p)?:
            switch key {
            case .enter: return reduceIntent(.runCommand(p.text))
            case .escape: modal = nil
            case .backspace: if !p.text.isEmpty { p.text.removeLast() }; p.error = nil; modal = .palette(p)
            case .char(let c): p.text.append(c); p.error = nil; modal = .palette(p)
            default: break
            }
            return []
        case .help?:
            modal = nil
            return []
        case .form?:
            switch key {
            case .enter: return submit()
            case .escape: modal = nil; return []
            case .tab, .down: return moveField(1)
            case .backTab, .up: return moveField(-1)
            case .backspace: return deleteBackward()
            case .char(let c): return input(c)
            default: return []
            }
        case .cancellation(let w)?:
            return wizardKey(key, w)
        case nil:
            break
        }
        if isEditingFilter {
            switch key {
            case .enter: isEditingFilter = false
            case .escape: return reduceIntent(.clearFilter)
            case .backspace: return reduceIntent(.setQuery(String(list.filter.query.dropLast())))
            case .char(let c): return reduceIntent(.setQuery(list.filter.query + String(c)))
            case .up, .down, .pageUp, .pageDown:
                isEditingFilter = false
                return handleKey(key)
            default: break
            }
            return []
        }
        guard let command = environment.keyMap.command(for: key) else { return [] }
        if let scope = command.scope, scope != focus { return [] }
        return reduceIntent(command.intent)
    }

    /// Runs an intent from inside key handling (same as `handle`, without double counting).
    mutating func reduceIntent(_ intent: Intent) -> [Effect] {
        let before = inFlight
        let effects = handle(intent)
        inFlight = before
        return effects
    }

    private mutating func confirmKey(_ key: Key) -> [Effect] {
        guard var c = confirm else { return [] }
        switch key {
        case .enter: return confirmWrite()
        case .escape: return cancelConfirm()
        case .char(let ch) where c.write.typedConfirmation != nil && c.phase == .asking:
            c.typed.append(ch); confirm = c
        case .char("y") where c.phase == .asking: return confirmWrite()
        case .char("n") where c.phase == .asking: return cancelConfirm()
        case .backspace: if !c.typed.isEmpty { c.typed.removeLast() }; confirm = c
        default: break
        }
        return []
    }

    private mutating func wizardKey(_ key: Key, _ w: CancellationWizard) -> [Effect] {
        switch key {
        case .escape: return wizardBack()
        case .enter: return wizardNext()
        default: break
        }
        switch w.step {
        case .server:
            if key == .char("d") { return startDeleteRequest(serverID: w.serverID) }
            if key == .char("b") { return startSubscriptionForm(serverID: w.serverID) }
        case .type:
            switch key {
            case .char("0"), .left, .up: return chooseType(.endOfBillingPeriod)
            case .char("1"), .right, .down: return chooseType(.immediate)
            default: break
            }
        case .reason:
            var next = w
            switch key {
            case .char(let c): next.reason.append(c); next.error = nil
            case .backspace: if !next.reason.isEmpty { next.reason.removeLast() }
            default: break
            }
            modal = .cancellation(next)
        case .review, .confirm, .result: break
        }
        return []
    }
}
