# The layering rule, enforced by the build: core/engine includes no Qt header at all, and nothing
# under core/ includes a Qt Gui or Widgets header (or QCustomPlot). The check runs as part of
# every build (target sharecast_layering, a dependency of the libraries) and as a CTest test.
set(SHARECAST_LAYERING_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/check_layering.cmake")
add_custom_target(sharecast_layering ALL
  COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${PROJECT_SOURCE_DIR} -P ${SHARECAST_LAYERING_SCRIPT}
  COMMENT "Checking the core/ui layering"
  VERBATIM)
