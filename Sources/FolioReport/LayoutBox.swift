import FolioScene

/// An unbreakable piece of a page: its height, the space wanted above it, and how to draw it
/// with its top at a given y.
struct LayoutBox {
    var height: Double
    var spaceBefore: Double
    /// Keep on the same page as the next box (headings, table headers).
    var keepWithNext: Bool = false
    var draw: (_ top: Double) -> [SceneItem]
}

/// Places boxes on pages: keep-with-next chains move together, boxes never split; a box taller
/// than a whole page starts a fresh page and is clipped to the text area.
struct Paginator {
    /// The text area of a page.
    let content: Rect

    /// The items of each page, the first starting at `firstTop` (below the title block).
    func paginate(_ boxes: [LayoutBox], firstPage: [SceneItem], firstTop: Double) -> [[SceneItem]] {
        var pages: [[SceneItem]] = []
        var items = firstPage
        var y = firstTop
        var pageIsFresh = true  // no box placed yet on this page
        for (i, box) in boxes.enumerated() {
            var space = pageIsFresh ? 0 : box.spaceBefore
            // The chain of boxes that must share a page with this one, capped at one page.
            var need = space + box.height
            var j = i
            while boxes[j].keepWithNext, j + 1 < boxes.count {
                let next = need + boxes[j + 1].spaceBefore + boxes[j + 1].height
                if next > content.height { break }
                need = next
                j += 1
            }
            if y > content.minY + 1e-9, y + need > content.maxY + 1e-9 {
                pages.append(items)
                items = []
                y = content.minY
                space = 0
            }
            let top = y + space
            if box.height > content.maxY - top + 1e-9 {
                items.append(.group(Placement(), clip: content, items: box.draw(top)))
            } else {
                items += box.draw(top)
            }
            y = top + box.height
            pageIsFresh = false
        }
        pages.append(items)
        return pages
    }
}
