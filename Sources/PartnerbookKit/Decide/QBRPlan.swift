/// The QBR packets of one partner: one per review held (by quarter), and one
/// for the quarter the next review covers, unless the partnership has ended.
///
/// A review entry dated after the as-of date with no metrics yet is a
/// *planned* review: the meeting has not happened. It is not a packet of its
/// own; it gives the upcoming packet its date (else the last review's
/// `next_review`), its attendees and the objectives of its brief. With no
/// review held yet, a planned review still gets its upcoming packet.
public enum QBRPlan {
    public struct Packet: Sendable {
        public var quarter: Quarter
        /// The review held; nil for the upcoming packet.
        public var review: Review?
        /// The review held before it (for the upcoming packet: the last one held).
        public var previous: Review?
        /// The planned entry for the upcoming review, if someone wrote it ahead.
        public var planned: Review?

        public var isUpcoming: Bool { review == nil }

        /// When the meeting is (or was).
        public var date: Day? {
            review?.date?.value ?? planned?.date?.value ?? previous?.nextReview?.value
        }

        /// What we want from the meeting, from the partner file.
        public var objectives: [Located<String>] { (review ?? planned)?.objectives ?? [] }

        /// The day its metrics are judged on against their pace: a held
        /// review's date (else its quarter's last day); the as-of date for the upcoming packet.
        public func judgedOn(asOf: Day) -> Day {
            guard let review else { return asOf }
            return review.date?.value ?? quarter.lastDay
        }
    }

    /// Whether a review entry is planned rather than held (see above).
    public static func isPlanned(_ review: Review, asOf: Day) -> Bool {
        review.metrics.isEmpty && (review.date.map { $0.value > asOf } ?? false)
    }

    /// Reviews held, by quarter (one per quarter, the first written), oldest first.
    public static func held(_ partner: Partner, asOf: Day) -> [Review] {
        var seen: Set<Quarter> = []
        return KPIReading.orderedReviews(partner).filter { !isPlanned($0, asOf: asOf) && seen.insert($0.quarter!.value).inserted }
    }

    public static func packets(for partner: Partner, asOf: Day) -> [Packet] {
        let reviews = held(partner, asOf: asOf)
        var packets = reviews.enumerated().map { index, review in
            Packet(quarter: review.quarter!.value, review: review, previous: index > 0 ? reviews[index - 1] : nil)
        }
        guard partner.status?.value != .ended else { return packets }
        let plannedReviews = KPIReading.orderedReviews(partner).filter { isPlanned($0, asOf: asOf) }
        if let last = reviews.last {
            let quarter = last.quarter!.value.next
            packets.append(Packet(quarter: quarter, review: nil, previous: last,
                                  planned: plannedReviews.first { $0.quarter?.value == quarter }))
        } else if let planned = plannedReviews.first {
            packets.append(Packet(quarter: planned.quarter!.value, review: nil, previous: nil, planned: planned))
        }
        return packets
    }

    /// The packet for the next review, if there is one.
    public static func upcoming(for partner: Partner, asOf: Day) -> Packet? {
        packets(for: partner, asOf: asOf).last.flatMap { $0.isUpcoming ? $0 : nil }
    }
}
