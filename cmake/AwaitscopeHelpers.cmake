# One Qt Test executable per unit: tests/tst_<unit>.cpp -> tst_<unit>, registered with CTest.
# awaitscope_add_test(NAME tst_lexer SOURCES tst_lexer.cpp LIBS awaitscope_core [ENV VAR=value ...])
function(awaitscope_add_test)
  cmake_parse_arguments(T "" "NAME" "SOURCES;LIBS;ENV" ${ARGN})
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE ${T_LIBS} Qt6::Test)
  target_compile_definitions(${T_NAME} PRIVATE
    AWAITSCOPE_TESTS_DIR="${PROJECT_SOURCE_DIR}/tests"
    AWAITSCOPE_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  add_test(NAME ${T_NAME} COMMAND ${T_NAME})
  set_tests_properties(${T_NAME} PROPERTIES
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;${T_ENV}"
    TIMEOUT 600)
endfunction()
