import Foundation

/// Threads for blocking work: API calls wait on the network for most of their time. A concurrent
/// `DispatchQueue` on Linux runs only about as many items at once as there are cores, so on two
/// cores the six reads of opening a customer ran two by two (three round trips instead of one).
/// Here every job gets a thread at once, up to `maxThreads`; idle threads wait on a condition
/// (no CPU) and end after `idleSeconds` without work.
final class BlockingWorkers: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var head = 0
    private var threads = 0
    private var idle = 0
    private let maxThreads: Int
    private let idleSeconds: Double
    private let name: String

    init(name: String, maxThreads: Int = 16, idleSeconds: Double = 30) {
        self.name = name
        self.maxThreads = max(1, maxThreads)
        self.idleSeconds = idleSeconds
    }

    /// Runs `job` on a worker thread, starting one when every running worker is busy.
    func submit(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append(job)
        let waiting = jobs.count - head
        let startThread = waiting > idle && threads < maxThreads
        if startThread { threads += 1 } else { condition.signal() }
        condition.unlock()
        if startThread {
            let t = Thread { [self] in work() }
            t.name = name
            t.start()
        }
    }

    private func work() {
        condition.lock()
        while true {
            while head == jobs.count {
                idle += 1
                let woke = condition.wait(until: Date().addingTimeInterval(idleSeconds))
                idle -= 1
                if !woke && head == jobs.count {
                    threads -= 1
                    condition.unlock()
                    return
                }
            }
            let job = jobs[head]
            head += 1
            if head == jobs.count { jobs.removeAll(keepingCapacity: true); head = 0 }
            condition.unlock()
            job()
            condition.lock()
        }
    }
}
