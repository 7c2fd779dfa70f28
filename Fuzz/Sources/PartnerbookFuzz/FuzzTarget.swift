import Foundation
import PartnerbookKit

/// One input: any bytes as a partner file must end in diagnostics, never a
/// crash, a hang or a memory error.
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
    // PARTNERBOOK_FUZZ_TARGET=csv fuzzes the CSV reader of `record`; the default is the partner file.
    if ProcessInfo.processInfo.environment["PARTNERBOOK_FUZZ_TARGET"] == "csv" {
        return runFuzzerDriver(&count, &arguments) { fuzzCSVFile($0, $1) }
    }
    return runFuzzerDriver(&count, &arguments) { fuzzPartnerFile($0, $1) }
}
