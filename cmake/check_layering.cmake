# Usage: cmake -DSOURCE_DIR=<project root> -P check_layering.cmake
# The layering rules (docs/architecture.md), checked on every include line of the tree. Fails
# (FATAL_ERROR) listing every violation:
#   core/engine  includes no Qt, no QCustomPlot and no Boost.Serialization (standard C++ only)
#   core/        includes no Qt Gui/Widgets/PrintSupport/Svg header, nothing from ui/ or cli/
#   core/io      includes nothing from core/sample (the sample generator sits above io)
#   ui/          includes nothing from app/ (cli/)
if(NOT SOURCE_DIR)
  message(FATAL_ERROR "check_layering: SOURCE_DIR not set")
endif()

set(_inc "#[ \t]*include[ \t]*[<\"]")
set(_qt_any "${_inc}(Q[A-Za-z]|qcustomplot|boost/(serialization|archive))")
set(_qt_gui "${_inc}(QtWidgets|QtGui|QtPrintSupport|QtSvg|QSvgGenerator|QWidget|QMainWindow|QApplication|QGuiApplication|QPainter|QPdfWriter|QImage|QPixmap|QColor|QFont|qcustomplot)")
set(_upward_from_core "${_inc}(ui|cli)/")
set(_sample "${_inc}sample/")
set(_app "${_inc}cli/")

set(_violations "")
set(_checked 0)

# Appends to _violations one line per include in DIR's sources that matches PATTERN. A macro, so
# that the list grows in the caller's scope on every match (a function's PARENT_SCOPE would keep
# only the last one).
macro(_scan dir pattern what)
  file(GLOB_RECURSE _files "${SOURCE_DIR}/${dir}/*.h" "${SOURCE_DIR}/${dir}/*.hpp" "${SOURCE_DIR}/${dir}/*.cpp")
  foreach(_f IN LISTS _files)
    math(EXPR _checked "${_checked} + 1")
    file(STRINGS "${_f}" _lines REGEX "${pattern}")
    foreach(_l IN LISTS _lines)
      file(RELATIVE_PATH _rel "${SOURCE_DIR}" "${_f}")
      string(APPEND _violations "\n  ${_rel}: ${_l}  (${what})")
    endforeach()
  endforeach()
endmacro()

_scan(core/engine "${_qt_any}" "core/engine is standard C++ only: no Qt, no Boost.Serialization")
_scan(core "${_qt_gui}" "core/ must not include Qt Gui/Widgets")
_scan(core "${_upward_from_core}" "core/ must not include ui/ or cli/")
_scan(core/io "${_sample}" "core/io must not include the sample generator")
_scan(ui "${_app}" "ui/ must not include app/ (cli/)")

if(_violations)
  message(FATAL_ERROR "Layering violations:${_violations}")
endif()
message(STATUS "Layering: ${_checked} file checks, no violations")
