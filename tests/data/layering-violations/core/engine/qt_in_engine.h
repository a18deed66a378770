#include <QString>
#include <boost/serialization/vector.hpp>
