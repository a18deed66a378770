# sharecast_add_qtest(<name> SOURCES <files...> LIBS <targets...> [GUI] [RUN_UNDER <command...>])
# Builds one Qt Test executable and registers it with CTest. Every test runs on Qt's offscreen
# platform (set here, so a plain `ctest` needs no display) with the tests' data folder exported as
# SHARECAST_TEST_DATA. RUN_UNDER runs it through a wrapper (a script that starts a server first).
function(sharecast_add_qtest name)
  cmake_parse_arguments(ARG "GUI" "" "SOURCES;LIBS;RUN_UNDER" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  set_target_properties(${name} PROPERTIES AUTOMOC ON)
  target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
  target_compile_definitions(${name} PRIVATE
    SHARECAST_TEST_DATA="${PROJECT_SOURCE_DIR}/tests/data"
    SHARECAST_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  add_test(NAME ${name} COMMAND ${ARG_RUN_UNDER} $<TARGET_FILE:${name}>)
  set_tests_properties(${name} PROPERTIES
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;SHARECAST_TEST_DATA=${PROJECT_SOURCE_DIR}/tests/data"
    TIMEOUT 600)
endfunction()
