#include <isa-l/igzip_lib.h>
#include <isa-l/crc.h>

/// The level-1 scratch buffer size ISA-L recommends (a macro Swift cannot import).
static inline unsigned folio_isal_level1_buffer_size(void) { return ISAL_DEF_LVL1_DEFAULT; }
