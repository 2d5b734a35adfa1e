#ifndef AGRIQA_CPOPPLER_SHIM_H
#define AGRIQA_CPOPPLER_SHIM_H
#include <poppler.h>
#include <glib.h>
#endif
