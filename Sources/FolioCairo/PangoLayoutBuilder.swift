import CPango
import FolioScene

/// Turns a `TextItem` into a configured `PangoLayout`: font description (family, size in points,
/// weight, italic), font features (`features(for:)`), wrap width (PANGO_WRAP_WORD),
/// alignment and line spacing. Used for both measuring and drawing.
enum PangoLayoutBuilder {
    static let scale = Double(PANGO_SCALE)

    /// A new layout (caller unrefs) on `context`, shaped with `features` (by default
    /// `features(for: item)`). Call with the engine lock held.
    static func layout(for item: TextItem, context: OpaquePointer, features: String? = nil) -> OpaquePointer {
        let layout = pango_layout_new(context)!
        let desc = pango_font_description_new()
        pango_font_description_set_family(desc, item.font.family)
        pango_font_description_set_size(desc, Int32((item.font.size * scale).rounded()))
        pango_font_description_set_weight(desc, PangoWeight(UInt32(item.font.weight.rawValue)))
        pango_font_description_set_style(desc, item.font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        pango_layout_set_font_description(layout, desc)
        pango_font_description_free(desc)
        switch item.content {
        case .plain(let s): pango_layout_set_text(layout, s, -1)
        case .markup(let m): pango_layout_set_markup(layout, m, -1)
        }
        let features = features ?? Self.features(for: item)
        if !features.isEmpty {
            let attrs: OpaquePointer
            if let existing = pango_layout_get_attributes(layout) { attrs = pango_attr_list_copy(existing) }
            else { attrs = pango_attr_list_new() }
            pango_attr_list_insert(attrs, pango_attr_font_features_new(features))
            pango_layout_set_attributes(layout, attrs)
            pango_attr_list_unref(attrs)
        }
        if let w = item.width {
            pango_layout_set_width(layout, Int32((max(1, w) * scale).rounded()))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD)
            switch item.alignment {
            case .leading: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
            case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
            case .trailing: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
            }
        } else {
            pango_layout_set_width(layout, -1)
        }
        if item.lineSpacing != 0 {
            pango_layout_set_spacing(layout, Int32((item.lineSpacing * item.font.size * scale).rounded()))
        }
        return layout
    }

    /// The OpenType features `item` is shaped with beyond the defaults: `tnum` for tabular
    /// figures, and `ccmp` switched off where it cannot change the glyphs (`MarkFreeText`).
    static func features(for item: TextItem) -> String {
        var features: [String] = []
        if item.font.tabularFigures { features.append("tnum") }
        let markFree = switch item.content {
        case .plain(let s): MarkFreeText.holds(s, markup: false)
        case .markup(let m): MarkFreeText.holds(m, markup: true)
        }
        if markFree { features.append("ccmp=0") }
        return features.joined(separator: ", ")
    }

    /// Logical size, first baseline and line count of `layout`, in points.
    static func metrics(of layout: OpaquePointer) -> TextMetrics {
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        return TextMetrics(width: Double(logical.width) / scale, height: Double(logical.height) / scale,
                           baseline: Double(pango_layout_get_baseline(layout)) / scale,
                           lineCount: Int(pango_layout_get_line_count(layout)))
    }
}
