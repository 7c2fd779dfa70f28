import PartnerbookModel
import PartnerbookSupport
/// The review packets of one partner: one per review held (by period), and
/// one for the next review, unless the partnership has ended.
///
/// A review is *held* when its `date` is on or before the as-of date (a
/// review without a date: when its period is over); otherwise it is
/// *planned*, whatever numbers it already holds. The first planned review
/// is the next meeting: its packet is prepared ahead with its date,
/// attendees and the numbers recorded so far. Without a planned review, the
/// next packet covers the period after the last review held, on its
/// `next_review`.
public enum QBRPlan {
    public struct Packet: Sendable {
        /// The quarter (or month) the review covers.
        public var period: Period
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

        /// `qbr/2026-Q3` or, for a monthly review, `qbr/2026-11`: the packet's path below the partner's folder.
        public var path: String { OutputPaths.packetName(period) }
    }

    /// Whether a review entry is planned rather than held (see above).
    public static func isPlanned(_ review: Review, asOf: Day) -> Bool {
        if let date = review.date?.value { return date > asOf }
        return review.period.map { $0.value.lastDay > asOf } ?? false
    }

    /// Reviews held, by period (one per period, the first written), oldest first.
    public static func held(_ partner: Partner, asOf: Day) -> [Review] {
        KPIReading.orderedReviews(partner).filter { !isPlanned($0, asOf: asOf) }
    }

    /// Reviews planned ahead, by period, oldest first.
    public static func planned(_ partner: Partner, asOf: Day) -> [Review] {
        KPIReading.orderedReviews(partner).filter { isPlanned($0, asOf: asOf) }
    }

    public static func packets(for partner: Partner, asOf: Day) -> [Packet] {
        let reviews = held(partner, asOf: asOf)
        var packets = reviews.enumerated().map { index, review in
            Packet(period: review.period!.value, review: review, previous: index > 0 ? reviews[index - 1] : nil)
        }
        guard partner.status?.value != .ended else { return packets }
        let last = reviews.last
        if let planned = planned(partner, asOf: asOf).first(where: { last == nil || $0.period!.value > last!.period!.value }) {
            packets.append(Packet(period: planned.period!.value, review: nil, previous: last, planned: planned))
        } else if let last {
            packets.append(Packet(period: last.period!.value.next, review: nil, previous: last))
        }
        return packets
    }

    /// The packet for the next review, if there is one.
    public static func upcoming(for partner: Partner, asOf: Day) -> Packet? {
        packets(for: partner, asOf: asOf).last.flatMap { $0.isUpcoming ? $0 : nil }
    }
}
