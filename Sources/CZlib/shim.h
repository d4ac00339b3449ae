#include <zlib.h>

/// `deflateInit2` is a macro Swift cannot import: a zlib stream (no gzip header) at `level`
/// with `strategy`, default window and memory.
static inline int folio_deflate_init(z_streamp stream, int level, int strategy) {
    return deflateInit2(stream, level, Z_DEFLATED, 15, 8, strategy);
}
