// HkbillBench: the figures quoted in the README (`make bench`). Each section prints its own
// measurements; none of this runs in `make test`.
import Foundation

var args = Array(CommandLine.arguments.dropFirst())
var only: Set<String> = []  // section names given on the command line; none means all
var hkbillPath: String?
while !args.isEmpty {
    let a = args.removeFirst()
    if a == "--hkbill", !args.isEmpty { hkbillPath = args.removeFirst() } else { only.insert(a) }
}
let selected = only
func wanted(_ name: String) -> Bool { selected.isEmpty || selected.contains(name) }

print("hkbill benchmarks (release build, \(ProcessInfo.processInfo.activeProcessorCount) cores)")
if wanted("decode") { DecodingBenchmark.run() }
if wanted("transport") { TransportBenchmark.run() }
if wanted("sandbox") { SandboxBenchmark.run() }
if wanted("list") { ListBenchmark.run() }
if wanted("render") { RenderBenchmark.run() }
if wanted("terminal") { TerminalBenchmark.run(hkbill: hkbillPath) }
