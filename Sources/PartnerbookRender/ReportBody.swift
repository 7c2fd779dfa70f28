extension DocumentRenderer {
    /// The validation report's body a group of findings at a time: each
    /// file's section filled on its own, so that the boxed fields of every
    /// finding are never held at once (at 100,000 partners, 77,000 findings:
    /// 38 MB of HTML, and three times that boxed for the template while it
    /// was filled as one text, beside the program scorecard and the home page).
    ///
    /// The page without groups is the frame; the page with one group is the
    /// frame with that group's section in it, at the same place for every
    /// group (checked for each): the sections one after another in the
    /// frame are the page filled whole. A person's report template, or one
    /// whose fields are observed, is filled whole.
    func reportBody(_ view: ReportView) -> PageBody {
        let whole = { PageBody(templates.render(.report, view)) }
        guard view.groups.count >= 2, templates.isBuiltIn(.report), templates.observer == nil else { return whole() }
        var alone = view
        alone.groups = []
        alone.clean = false
        let frame = Array(templates.render(.report, alone).utf8)
        var split: Int?
        var sections: [String] = []
        sections.reserveCapacity(view.groups.count)
        for group in view.groups {
            alone.groups = [group]
            let page = Array(templates.render(.report, alone).utf8)
            // Where the section goes: as far as the page and the frame agree (the same for every group).
            let at = split ?? zip(page, frame).prefix { $0 == $1 }.count
            split = at
            let after = frame.count - at
            guard page.count >= frame.count, page[..<at].elementsEqual(frame[..<at]),
                  page[(page.count - after)...].elementsEqual(frame[at...]) else { return whole() }
            sections.append(String(decoding: page[at..<(page.count - after)], as: UTF8.self))
        }
        return PageBody(head: String(decoding: frame[..<split!], as: UTF8.self), items: sections, separator: "",
                        tail: String(decoding: frame[split!...], as: UTF8.self))
    }
}
