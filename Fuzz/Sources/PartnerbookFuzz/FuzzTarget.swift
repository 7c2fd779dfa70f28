import Foundation
import PartnerbookKit
import PartnerbookPreview
import PartnerbookTestSupport

/// One input: any bytes as a partner file, through the whole partner pass
/// (every rule and every document rendered), must end in diagnostics, never
/// a crash, a hang or a memory error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPartnerFile(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    _ = PartnerFileCheck.run(Data(bytes: start, count: count))
    return 0
}

/// One input as a metrics CSV for `record`: read, shaped and its numbers parsed.
public func fuzzCSVFile(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    CSVFileCheck.run(Data(bytes: start, count: count))
    return 0
}

/// One input as a value written to partners.csv: it must read back whole.
public func fuzzCSVWriter(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    if let back = CSVFieldCheck.roundTrip(text) {
        fatalError("partners.csv field did not read back: \(text.debugDescription) came back as \(back.debugDescription)")
    }
    return 0
}

/// One input as the request head `serve` reads: refused or accepted, never a
/// crash; an accepted path holds no control character and starts with a slash.
public func fuzzRequestHead(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    if case .success(let head) = RequestHead.parse(Array(UnsafeBufferPointer(start: start, count: count)), port: 8080) {
        precondition(head.path.hasPrefix("/") && !head.path.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F },
                     "accepted a path it should refuse: \(head.path.debugDescription)")
    }
    return 0
}

/// libFuzzer's driver, from the fuzzer runtime `-sanitize=fuzzer` links in.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

/// SwiftPM links executables with `main` aliased to `<module>_main`, so the
/// fuzzer runtime's own `main` is never used: this one starts its driver.
@_cdecl("PartnerbookFuzz_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    // PARTNERBOOK_FUZZ_TARGET picks what is fuzzed: csv (the CSV reader of `record`), csv-writer
    // (partners.csv fields read back), http (the request head `serve` reads); the default is the partner file.
    switch ProcessInfo.processInfo.environment["PARTNERBOOK_FUZZ_TARGET"] {
    case "csv": return runFuzzerDriver(&count, &arguments) { fuzzCSVFile($0, $1) }
    case "csv-writer": return runFuzzerDriver(&count, &arguments) { fuzzCSVWriter($0, $1) }
    case "http": return runFuzzerDriver(&count, &arguments) { fuzzRequestHead($0, $1) }
    default: return runFuzzerDriver(&count, &arguments) { fuzzPartnerFile($0, $1) }
    }
}
