# Usage: cmake -DSOURCE_DIR=<project root> -P check_layering.cmake
# Fails (FATAL_ERROR) when core/engine includes a Qt header, or core/ a Qt Gui/Widgets header.
if(NOT SOURCE_DIR)
  message(FATAL_ERROR "check_layering: SOURCE_DIR not set")
endif()

set(_qt_any "#[ \t]*include[ \t]*[<\"](Q[A-Za-z]|qcustomplot)")
set(_qt_gui "#[ \t]*include[ \t]*[<\"](QtWidgets|QtGui|QtPrintSupport|QtSvg|QSvgGenerator|QWidget|QMainWindow|QApplication|QGuiApplication|QPainter|QPdfWriter|QImage|QPixmap|QColor|QFont|qcustomplot)")

set(_violations "")
function(_scan dir pattern what)
  file(GLOB_RECURSE _files "${SOURCE_DIR}/${dir}/*.h" "${SOURCE_DIR}/${dir}/*.hpp" "${SOURCE_DIR}/${dir}/*.cpp")
  foreach(_f IN LISTS _files)
    file(STRINGS "${_f}" _lines REGEX "${pattern}")
    foreach(_l IN LISTS _lines)
      file(RELATIVE_PATH _rel "${SOURCE_DIR}" "${_f}")
      set(_violations "${_violations}\n  ${_rel}: ${_l}  (${what})" PARENT_SCOPE)
    endforeach()
  endforeach()
endfunction()

_scan(core/engine "${_qt_any}" "core/engine must not include Qt")
set(_engine_violations "${_violations}")
_scan(core "${_qt_gui}" "core/ must not include Qt Gui/Widgets")
set(_violations "${_engine_violations}${_violations}")

if(_violations)
  message(FATAL_ERROR "Layering violations:${_violations}")
endif()
