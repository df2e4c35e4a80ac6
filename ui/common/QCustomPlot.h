#pragma once
// qcustomplot.h spells Qt's keyword macros (signals, slots, emit, foreach), which the
// project turns off with QT_NO_KEYWORDS (they collide with LibTorch). Map them for this
// one include, then take them away again. ui/ never includes torch, so this is safe here.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef emit
#undef foreach
