#include "ui/x.h"
#include "sample/s.h"
