#ifndef WINNOW_COPENCC_SHIM_H
#define WINNOW_COPENCC_SHIM_H
#include <opencc/opencc.h>
#endif
