#ifndef WINNOW_CDEFLATE_SHIM_H
#define WINNOW_CDEFLATE_SHIM_H
#include <libdeflate.h>
#endif
