import FolioScene

/// An unbreakable piece of a page: its height, the space wanted above it, and how to draw it
/// with its top at a given y.
struct LayoutBox {
    var height: Double
    var spaceBefore: Double
    /// Keep on the same page as the next box (headings, table headers).
    var keepWithNext: Bool = false
    /// A figure that may float to the top of the next page when it does not fit, letting the
    /// paragraphs after it fill the rest of this page (as LaTeX places floats).
    var floats: Bool = false
    var draw: (_ top: Double) -> [SceneItem]
}

/// Places boxes on pages: keep-with-next chains move together, boxes never split; a box taller
/// than a whole page starts a fresh page and is clipped to the text area. A floating box (a
/// figure) that does not fit waits for the top of the next page while the blocks after it fill
/// the page, as LaTeX places floats; figures keep their order.
struct Paginator {
    /// The text area of a page.
    let content: Rect

    /// The items of each page, the first starting at `firstTop` (below the title block).
    func paginate(_ boxes: [LayoutBox], firstPage: [SceneItem], firstTop: Double) -> [[SceneItem]] {
        var state = PageState(content: content, items: firstPage, y: firstTop)
        var waiting: [LayoutBox] = []
        func flush() {
            guard !waiting.isEmpty else { return }
            state.newPage()
            for f in waiting { state.place(f, chain: f.height) }
            waiting = []
        }
        for (i, box) in boxes.enumerated() {
            let followsHeading = i > 0 && boxes[i - 1].keepWithNext
            var need = chainHeight(boxes, from: i, fresh: state.fresh)
            let fits = state.y <= content.minY + 1e-9 || state.y + need <= content.maxY + 1e-9
            if box.floats, !followsHeading, !waiting.isEmpty || (!fits && !state.fresh) {
                waiting.append(box)  // keeps figure order: a later figure never overtakes an earlier one
                continue
            }
            // A heading whose chain holds a figure must not overtake the figures still waiting.
            if !fits || (!waiting.isEmpty && chainHoldsFloat(boxes, from: i)) {
                flush()
                need = chainHeight(boxes, from: i, fresh: state.fresh)
            }
            state.place(box, chain: need)
        }
        flush()
        return state.finish()
    }

    /// True when the keep-with-next chain starting at `i` contains a floating box.
    private func chainHoldsFloat(_ boxes: [LayoutBox], from i: Int) -> Bool {
        var j = i
        while true {
            if boxes[j].floats { return true }
            guard boxes[j].keepWithNext, j + 1 < boxes.count else { return false }
            j += 1
        }
    }

    /// The height a box needs with the keep-with-next chain it starts, capped at one page.
    private func chainHeight(_ boxes: [LayoutBox], from i: Int, fresh: Bool) -> Double {
        var need = (fresh ? 0 : boxes[i].spaceBefore) + boxes[i].height
        var j = i
        while boxes[j].keepWithNext, j + 1 < boxes.count {
            let next = need + boxes[j + 1].spaceBefore + boxes[j + 1].height
            if next > content.height { break }
            need = next
            j += 1
        }
        return need
    }
}

/// The page being filled and the pages already full.
private struct PageState {
    let content: Rect
    var pages: [[SceneItem]] = []
    var items: [SceneItem]
    var y: Double
    /// No box placed yet on this page.
    var fresh = true

    init(content: Rect, items: [SceneItem], y: Double) {
        self.content = content; self.items = items; self.y = y
    }

    mutating func newPage() {
        guard !fresh || !items.isEmpty else { return }
        pages.append(items)
        items = []
        y = content.minY
        fresh = true
    }

    /// Places `box` (whose chain needs `chain` points) on this page, or on a new one.
    mutating func place(_ box: LayoutBox, chain: Double) {
        if y > content.minY + 1e-9, y + chain > content.maxY + 1e-9 { newPage() }
        let top = y + (fresh ? 0 : box.spaceBefore)
        if box.height > content.maxY - top + 1e-9 {
            items.append(.group(Placement(), clip: content, items: box.draw(top)))
        } else {
            items += box.draw(top)
        }
        y = top + box.height
        fresh = false
    }

    mutating func finish() -> [[SceneItem]] {
        pages.append(items)
        return pages
    }
}
