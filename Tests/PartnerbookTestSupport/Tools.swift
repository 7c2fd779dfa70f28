import PartnerbookOutput
import PartnerbookSystem

/// Programs some tests need and this machine may lack.
package enum Tools {
    /// WeasyPrint, for `build --pdf` (Debian package `weasyprint`).
    package static let hasWeasyPrint = (try? DocumentPDF()) != nil
    /// pdfinfo and pdftotext, to read a PDF as its reader would (Debian package `poppler-utils`).
    package static let hasPoppler = Executable.find("pdfinfo") != nil && Executable.find("pdftotext") != nil
}
