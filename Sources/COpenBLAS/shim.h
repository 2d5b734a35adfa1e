#ifndef AGRIQA_COPENBLAS_SHIM_H
#define AGRIQA_COPENBLAS_SHIM_H
#include <cblas.h>
#endif
