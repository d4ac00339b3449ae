#include <zlib.h>

/// `deflateInit2` is a macro Swift cannot import: a zlib stream (no gzip header) at `level`
/// with `strategy` and `memLevel`, the default 32 KB window.
static inline int folio_deflate_init(z_streamp stream, int level, int strategy, int memLevel) {
    return deflateInit2(stream, level, Z_DEFLATED, 15, memLevel, strategy);
}
