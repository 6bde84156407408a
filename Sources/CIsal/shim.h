#ifndef WINNOW_CISAL_SHIM_H
#define WINNOW_CISAL_SHIM_H
#include <isa-l/igzip_lib.h>

/// The size of the buffer ISA-L's deflate needs at `level` (1–3), its default
/// ("large") size; 0 for any other level. The header's macros are expressions
/// Swift does not import.
static inline uint32_t winnow_isal_level_buffer_size(int level) {
  switch (level) {
  case 1: return ISAL_DEF_LVL1_DEFAULT;
  case 2: return ISAL_DEF_LVL2_DEFAULT;
  case 3: return ISAL_DEF_LVL3_DEFAULT;
  default: return 0;
  }
}
#endif
