import PartnerbookOutput

/// Programs some tests need and this machine may lack.
package enum Tools {
    /// WeasyPrint, for `build --pdf` (Debian package `weasyprint`).
    package static let hasWeasyPrint = (try? DocumentPDF()) != nil
}
